package dev.switchboard.samples.tasks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.springframework.stereotype.Component;

/**
 * How the sample ends: a role that finishes reports its exit code here and {@code main}
 * exits with it. A role that serves until stopped never reports, so the process runs until
 * it is stopped.
 */
@Component
class Completion {

	private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

	/**
	 * Ask the application to exit.
	 * @param code the process exit code
	 */
	void exit(int code) {
		this.exitCode.complete(code);
	}

	int await() throws InterruptedException, ExecutionException {
		return this.exitCode.get();
	}

}
