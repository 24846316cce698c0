package dev.switchboard.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.autoconfigure.amqp.AmqpChannelProperties;
import dev.switchboard.autoconfigure.zmq.ZmqChannelProperties;
import dev.switchboard.core.ChannelSpec;
import dev.switchboard.core.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Switchboard's transport-neutral settings: the default transport and the channels. Each
 * transport reads its own settings from {@code switchboard.<transport>} and from the
 * {@code <transport>} group of each channel.
 */
@ConfigurationProperties("switchboard")
public class SwitchboardProperties {

	/**
	 * Transport that carries every channel without a transport of its own: zmq or amqp.
	 */
	private String transport = "zmq";

	/**
	 * Channels by name; a listener, publisher or template call names one of these.
	 */
	private Map<String, Channel> channels = new LinkedHashMap<>();

	public String getTransport() {
		return this.transport;
	}

	public void setTransport(String transport) {
		this.transport = transport;
	}

	public Map<String, Channel> getChannels() {
		return this.channels;
	}

	public void setChannels(Map<String, Channel> channels) {
		this.channels = channels;
	}

	/**
	 * One channel's settings.
	 */
	public static class Channel {

		/**
		 * Messaging pattern of the channel: request-reply, pub-sub, pipeline or pair.
		 */
		private @Nullable Pattern pattern;

		/**
		 * Transport of this channel, overriding switchboard.transport.
		 */
		private @Nullable String transport;

		/**
		 * Number of threads each listener on the channel uses unless its annotation says
		 * otherwise.
		 */
		private int concurrency = 1;

		/**
		 * How long a request waits for its reply unless the call passes a timeout.
		 */
		private Duration requestTimeout = ChannelSpec.DEFAULT_REQUEST_TIMEOUT;

		/**
		 * How a listener that throws is retried before the message takes the error path.
		 */
		private final RetryProperties retry = new RetryProperties();

		/**
		 * ZeroMQ settings of the channel, used when it is carried by zmq.
		 */
		private final ZmqChannelProperties zmq = new ZmqChannelProperties();

		/**
		 * AMQP settings of the channel, used when it is carried by amqp.
		 */
		private final AmqpChannelProperties amqp = new AmqpChannelProperties();

		public @Nullable Pattern getPattern() {
			return this.pattern;
		}

		public void setPattern(@Nullable Pattern pattern) {
			this.pattern = pattern;
		}

		public @Nullable String getTransport() {
			return this.transport;
		}

		public void setTransport(@Nullable String transport) {
			this.transport = transport;
		}

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

		public RetryProperties getRetry() {
			return this.retry;
		}

		public ZmqChannelProperties getZmq() {
			return this.zmq;
		}

		public AmqpChannelProperties getAmqp() {
			return this.amqp;
		}

	}

}
