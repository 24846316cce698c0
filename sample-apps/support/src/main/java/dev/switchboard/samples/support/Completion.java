package dev.switchboard.samples.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How a sample ends: a role that finishes reports its exit code here and {@link #run} exits
 * the process with it, through {@link SpringApplication#exit} so that every binding closes
 * first. A role that serves until stopped never reports, so the process runs until it is
 * stopped. A sample application registers this class as a bean with
 * {@code @Import(Completion.class)}.
 */
public class Completion {

	private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

	/**
	 * Ask the application to exit.
	 * @param code the process exit code
	 */
	public void exit(int code) {
		this.exitCode.complete(code);
	}

	/**
	 * Run a sample application until its role reports completion, then exit the process.
	 * @param application the {@code @SpringBootApplication} class
	 * @param args the command-line arguments
	 * @throws Exception if the application fails to start or is interrupted
	 */
	public static void run(Class<?> application, String[] args) throws Exception {
		ConfigurableApplicationContext context = SpringApplication.run(application, args);
		int exitCode = context.getBean(Completion.class).await();
		System.exit(SpringApplication.exit(context, () -> exitCode));
	}

	private int await() throws InterruptedException, ExecutionException {
		return this.exitCode.get();
	}

}
