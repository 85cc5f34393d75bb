# adafruit_minimqtt's MQTT over paho-mqtt, enough for the generated code.py, calling the same callbacks. It takes
# what MiniMQTT 8.1 takes and fails where it fails: keyword arguments only, will_set(topic, msg, retain=False,
# qos=0) (paho's order, qos before retain, is refused), a username without a password is an AttributeError,
# a refusal is MMQTTException(message, code).
import threading
import time

import paho.mqtt.client as paho

CONNACK_ERRORS = {
    1: "Connection Refused - Incorrect Protocol Version",
    2: "Connection Refused - ID Rejected",
    3: "Connection Refused - Server unavailable",
    4: "Connection Refused - Incorrect username/password",
    5: "Connection Refused - Unauthorized",
}


class MMQTTException(Exception):
    def __init__(self, error, code=None):
        super().__init__(error, code)
        self.code = code


class MMQTTStateError(MMQTTException):
    pass


class MQTT:
    def __init__(self, *, broker, port=None, username=None, password=None, client_id=None, is_ssl=None,
                 keep_alive=60, recv_timeout=10, socket_pool=None, ssl_context=None, use_binary_mode=False,
                 socket_timeout=1, connect_retries=5, user_data=None):
        if recv_timeout <= socket_timeout:
            raise ValueError("recv_timeout must be strictly greater than socket_timeout")
        self.broker = broker
        self.port = port or (8883 if is_ssl else 1883)
        self.keep_alive = keep_alive
        self._socket_timeout = socket_timeout
        self._username = username
        self._password = password
        self.on_connect = self.on_disconnect = self.on_subscribe = None
        self.on_unsubscribe = self.on_publish = self.on_message = None
        self._client = paho.Client(client_id=client_id, clean_session=True)
        if is_ssl:
            self._client.tls_set_context(ssl_context)
        self._connected = threading.Event()
        self._rc = None
        self._inbox = []
        self._client.on_connect = self._connected_cb
        self._client.on_message = lambda c, u, m: self._inbox.append((m.topic, m.payload.decode()))

    def _connected_cb(self, client, userdata, flags, rc):
        self._rc = rc
        self._connected.set()

    def will_set(self, topic, msg, retain=False, qos=0):
        if not isinstance(retain, bool) or isinstance(qos, bool):
            raise TypeError("will_set(topic, msg, retain=False, qos=0): MiniMQTT's order, not paho's (qos, retain)")
        self._client.will_set(topic, msg, qos, retain)

    def connect(self):
        if self._username is not None:
            self._client.username_pw_set(self._username, self._password.encode("utf-8"))
        try:
            self._client.connect(self.broker, self.port, self.keep_alive)
        except OSError as e:
            raise MMQTTException("Connect failure") from e
        self._client.loop_start()
        if not self._connected.wait(10):
            raise MMQTTException("Connect failure")
        if self._rc != 0:
            self._client.loop_stop()
            raise MMQTTException(CONNACK_ERRORS.get(self._rc, "Connect failure"), code=self._rc)
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
        if timeout < self._socket_timeout:
            raise ValueError("loop timeout (%s) must be >= socket timeout (%s)" % (timeout, self._socket_timeout))
        time.sleep(timeout)
        while self._inbox:
            topic, payload = self._inbox.pop(0)
            if self.on_message:
                self.on_message(self, topic, payload)

    def deinit(self):
        self._client.loop_stop()
