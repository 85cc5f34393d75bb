# Each value is announced to Home Assistant with a retained config message,
# so the sensor appears there by itself (MQTT discovery).
FIELDS = @HA_FIELDS@


def announce(client):
    import json
    device = {"identifiers": [CLIENT_ID], "name": "@PROJECT@ " + CLIENT_ID,
              "model": "@BOARD_LABEL@", "manufacturer": "MQTT Devices for Eclipse"}
    for component, field, unit, device_class, template in FIELDS:
        config = {"name": field, "unique_id": CLIENT_ID + "_" + field, "state_topic": STATE_TOPIC,
                  "availability_topic": AVAILABILITY_TOPIC, "value_template": template, "device": device}
        if component == "binary_sensor":
            config["payload_on"] = "1"
            config["payload_off"] = "0"
        if unit:
            config["unit_of_measurement"] = unit
        if device_class:
            config["device_class"] = device_class
        topic = "homeassistant/%s/%s/%s/config" % (component, CLIENT_ID, field)
        client.publish(topic, json.dumps(config), retain=True, qos=1)
