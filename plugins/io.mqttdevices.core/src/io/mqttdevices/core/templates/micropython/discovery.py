# Each value is announced to Home Assistant with a retained config message,
# so the sensor appears there by itself (MQTT discovery).
FIELDS = @HA_FIELDS@


def announce(client, cid, state_topic, availability_topic):
    import json
    node = cid.decode()
    device = {"identifiers": [node], "name": "@PROJECT@ " + node,
              "model": "@BOARD_LABEL@", "manufacturer": "MQTT Devices for Eclipse"}
    for component, field, unit, device_class, template in FIELDS:
        config = {"name": field, "unique_id": node + "_" + field,
                  "state_topic": state_topic.decode(),
                  "availability_topic": availability_topic.decode(),
                  "value_template": template, "device": device}
        if component == "binary_sensor":
            config["payload_on"] = "1"
            config["payload_off"] = "0"
        if unit:
            config["unit_of_measurement"] = unit
        if device_class:
            config["device_class"] = device_class
        topic = "homeassistant/%s/%s/%s/config" % (component, node, field)
        client.publish(topic.encode(), json.dumps(config).encode(), retain=True, qos=1)
