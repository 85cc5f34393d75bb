# umqtt.simple's MQTTClient over paho-mqtt, enough for the generated main.py. It takes what umqtt.simple 1.8
# takes and fails where it fails: a user without a password is a TypeError, a str with non-ASCII characters goes
# out cut to len(str) bytes (so the broker refuses it), a refusal is MQTTException(CONNACK code).
import threading

import paho.mqtt.client as paho

STAND_IN = True


class MQTTException(Exception):
    pass


def _text(value):
    return value.decode() if isinstance(value, bytes) else value


def _as_sent(value):
    """What umqtt puts on the wire: len(value) as the length, so a str is cut to len(str) bytes."""
    return value.encode()[:len(value)] if isinstance(value, str) else bytes(value)


class _Socket:
    def __init__(self, client):
        self._client = client

    def close(self):
        self._client.loop_stop()
        sock = self._client.socket()
        if sock is not None:
            sock.close()


class MQTTClient:
    def __init__(self, client_id, server, port=0, user=None, password=None, keepalive=0, ssl=None, ssl_params={}):
        self._client = paho.Client(client_id=_text(client_id), clean_session=True)
        self._server = server
        self._port = port or (8883 if ssl else 1883)
        self._keepalive = keepalive or 60
        self._user = user
        self._password = password
        if ssl is True:
            self._client.tls_set(cert_reqs=__import__("ssl").CERT_NONE)  # umqtt's legacy ssl=True checks nothing
            self._client.tls_insecure_set(True)
        elif ssl:
            self._client.tls_set_context(ssl)
        self._connected = threading.Event()
        self._rc = None
        self._client.on_connect = self._on_connect
        self.sock = None

    def _on_connect(self, client, userdata, flags, rc):
        self._rc = rc
        self._connected.set()

    def set_last_will(self, topic, msg, retain=False, qos=0):
        assert 0 <= qos <= 2
        assert topic
        self._client.will_set(_text(topic), msg, qos, retain)

    def connect(self, clean_session=True, timeout=None):
        if self._user:
            len(self._password)  # umqtt.simple: TypeError for None
            self._client.username_pw_set(_as_sent(self._user).decode(errors="replace"), _as_sent(self._password))
        self.sock = _Socket(self._client)
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
