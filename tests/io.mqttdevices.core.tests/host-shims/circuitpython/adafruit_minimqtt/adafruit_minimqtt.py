# adafruit_minimqtt's MQTT over paho-mqtt, enough for the generated code.py, calling the same callbacks.
import threading
import time

import paho.mqtt.client as paho


class MMQTTException(Exception):
    pass


class MQTT:
    def __init__(self, broker, port=None, username=None, password=None, client_id=None, is_ssl=False,
                 socket_pool=None, ssl_context=None, keep_alive=60, socket_timeout=1, **kwargs):
        self.broker = broker
        self.port = port or (8883 if is_ssl else 1883)
        self.keep_alive = keep_alive
        self.on_connect = self.on_disconnect = self.on_subscribe = None
        self.on_unsubscribe = self.on_publish = self.on_message = None
        self._client = paho.Client(client_id=client_id, clean_session=True)
        if username:
            self._client.username_pw_set(username, password)
        self._connected = threading.Event()
        self._rc = None
        self._inbox = []
        self._client.on_connect = self._connected_cb
        self._client.on_message = lambda c, u, m: self._inbox.append((m.topic, m.payload.decode()))

    def _connected_cb(self, client, userdata, flags, rc):
        self._rc = rc
        self._connected.set()

    def will_set(self, topic, payload, qos=0, retain=False):
        self._client.will_set(topic, payload, qos, retain)

    def connect(self):
        try:
            self._client.connect(self.broker, self.port, self.keep_alive)
        except OSError as e:
            raise MMQTTException(str(e))
        self._client.loop_start()
        if not self._connected.wait(10) or self._rc != 0:
            raise MMQTTException("connect failed: %s" % self._rc)
        if self.on_connect:
            self.on_connect(self, None, 0, self._rc)

    def publish(self, topic, msg, retain=False, qos=0):
        info = self._client.publish(topic, msg, qos, retain)
        if info.rc != paho.MQTT_ERR_SUCCESS:
            raise MMQTTException("publish failed: %d" % info.rc)
        info.wait_for_publish(5)
        if self.on_publish:
            self.on_publish(self, None, topic, info.mid)

    def subscribe(self, topic, qos=0):
        self._client.subscribe(topic, qos)
        if self.on_subscribe:
            self.on_subscribe(self, None, topic, qos)

    def unsubscribe(self, topic):
        self._client.unsubscribe(topic)
        if self.on_unsubscribe:
            self.on_unsubscribe(self, None, topic, 0)

    def loop(self, timeout=1):
        time.sleep(timeout)
        while self._inbox:
            topic, payload = self._inbox.pop(0)
            if self.on_message:
                self.on_message(self, topic, payload)

    def deinit(self):
        self._client.loop_stop()
