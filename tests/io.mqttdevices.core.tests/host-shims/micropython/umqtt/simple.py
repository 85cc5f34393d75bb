# umqtt.simple's MQTTClient over paho-mqtt, enough for the generated main.py.
import threading

import paho.mqtt.client as paho


class MQTTException(Exception):
    pass


def _text(value):
    return value.decode() if isinstance(value, bytes) else value


class _Socket:
    def __init__(self, client):
        self._client = client

    def close(self):
        self._client.loop_stop()
        sock = self._client.socket()
        if sock is not None:
            sock.close()


class MQTTClient:
    def __init__(self, client_id, server, port=0, user=None, password=None, keepalive=0, ssl=False, ssl_params=None):
        self._client = paho.Client(client_id=_text(client_id), clean_session=True)
        self._server = server
        self._port = port or (8883 if ssl else 1883)
        self._keepalive = keepalive or 60
        if user is not None:
            self._client.username_pw_set(_text(user), _text(password))
        self._connected = threading.Event()
        self._rc = None
        self._client.on_connect = self._on_connect
        self.sock = _Socket(self._client)

    def _on_connect(self, client, userdata, flags, rc):
        self._rc = rc
        self._connected.set()

    def set_last_will(self, topic, msg, retain=False, qos=0):
        self._client.will_set(_text(topic), msg, qos, retain)

    def connect(self, clean_session=True):
        self._client.connect(self._server, self._port, self._keepalive)
        self._client.loop_start()
        if not self._connected.wait(10):
            raise OSError("no answer from the broker")
        if self._rc != 0:
            raise MQTTException(self._rc)
        return False

    def publish(self, topic, msg, retain=False, qos=0):
        info = self._client.publish(_text(topic), msg, qos, retain)
        if info.rc != paho.MQTT_ERR_SUCCESS:
            raise OSError("publish failed: %d" % info.rc)
        info.wait_for_publish(5)

    def ping(self):
        pass  # paho keeps the connection alive itself

    def disconnect(self):
        self._client.disconnect()
        self._client.loop_stop()
