from binascii import *  # noqa: F401,F403
