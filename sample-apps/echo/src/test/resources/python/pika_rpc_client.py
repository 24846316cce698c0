"""A plain pika RPC client: send one message to a queue over direct reply-to, print the reply.

usage: pika_rpc_client.py <queue> <message> [timeout-seconds]
"""
import sys
import time
import uuid

import pika

queue, message = sys.argv[1], sys.argv[2]
deadline = time.monotonic() + (float(sys.argv[3]) if len(sys.argv) > 3 else 60)

connection = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1'))
channel = connection.channel()
channel.queue_declare(queue, durable=True)
correlation_id = str(uuid.uuid4())
replies = []


def on_reply(ch, method, properties, body):
    if properties.correlation_id == correlation_id:
        replies.append(body.decode())


channel.basic_consume('amq.rabbitmq.reply-to', on_reply, auto_ack=True)
channel.basic_publish('', queue, message.encode(), pika.BasicProperties(
    reply_to='amq.rabbitmq.reply-to', correlation_id=correlation_id, content_type='text/plain'))
while not replies and time.monotonic() < deadline:
    connection.process_data_events(time_limit=0.5)
connection.close()
if not replies:
    print("timed out waiting for a reply", file=sys.stderr)
    sys.exit(1)
print(replies[0])
