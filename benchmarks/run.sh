#!/usr/bin/env bash
# Builds what the benchmarks need, then measures every subject one after another, each in a
# fresh JVM, printing one RESULT line per measurement and writing benchmarks/results/latest.md
# and latest.svg. Options: --quick (under 4 minutes), --only="<transport> <pattern>" to run a
# subset, --jfr=<dir> to record each measuring JVM with Flight Recorder.
# Needs RabbitMQ on 127.0.0.1:5672 (guest/guest) for the AMQP subjects.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl benchmarks -am package -DskipTests >&2
exec java -cp "benchmarks/target/classes:benchmarks/target/lib/*" dev.switchboard.benchmarks.BenchmarkSuite "$@"
