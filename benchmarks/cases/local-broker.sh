# The local broker (Moquette inside the IDE's OSGi runtime) against Debian's Mosquitto, under the same Paho MQTT
# 3.1.1 clients on loopback. Runs the LocalBrokerBenchmark class of the core test bundle (a benchmark, not a test:
# nothing is asserted) and prints its key=value lines:
#   localbroker.start.first.ms    the first start (loads Moquette and Netty), then the median of five
#   localbroker.start.median.ms / localbroker.stop.median.ms
#   localbroker.qos0.msgs_per_s   one publisher to one subscriber, 20,000 messages of 16 bytes, QoS 0
#   localbroker.qos1.msgs_per_s   5,000 messages at QoS 1, each publish waiting for its PUBACK
#   *.delivered                   the share of the messages that arrived (QoS 0 may drop under a flood)
#   mosquitto.*                   the same with Mosquitto, for comparison
run_benchmark_class LocalBrokerBenchmark "$CORE_TEST_MODULES"
