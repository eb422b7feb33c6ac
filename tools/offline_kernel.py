"""Launch an IPython kernel in which every network connection except loopback is refused.

The test suite runs the chapters in this kernel (``--nbval-kernel-name clusterlib-offline``), so a
chapter that tries to download anything fails its test instead of quietly reaching the network.
"""

import pytest_socket
from ipykernel import kernelapp

if __name__ == "__main__":
    pytest_socket.socket_allow_hosts(["127.0.0.1", "::1", "localhost"])
    kernelapp.launch_new_instance()
