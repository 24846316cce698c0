package dev.switchboard.benchmarks.switchboard;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * Both contexts of the Switchboard subject: Switchboard's auto-configuration and nothing else
 * (the receiving context adds its listener as a second source).
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class BenchApplication {

}
