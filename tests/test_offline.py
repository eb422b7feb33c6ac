"""Nothing in the book, the library or the tests reaches the network.

The whole test session runs with pytest-socket allowing loopback only (see pyproject.toml), and
the chapters run in the `clusterlib-offline` kernel, which refuses every other connection.
"""

import re
import socket

import nbformat
import pytest
import pytest_socket
from nbclient import NotebookClient
from notebook_checks import ROOT

NETWORK_CALLS = re.compile(
    r"load_dataset\(|urlopen\(|urlretrieve\(|requests\.|httpx\.|urllib\.request|"
    r"read_(csv|excel|json|html|parquet)\(\s*['\"]https?://|pooch\.|wget|curl "
)
SOURCES = sorted([*ROOT.glob("clusterlib/*.py"), *ROOT.glob("chapters/*.ipynb"),
                  *ROOT.glob("tests/*.py")])


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_network_calls_in_source(path):
    text = path.read_text(encoding="utf-8")
    if path.name == "test_offline.py":
        text = text.split("NETWORK_CALLS", 1)[0]  # skip the pattern itself
    assert not NETWORK_CALLS.search(text)


def test_session_refuses_outside_connections():
    with pytest.warns(UserWarning, match="93.184.216.34"), pytest.raises(
            pytest_socket.SocketConnectBlockedError):
        socket.create_connection(("93.184.216.34", 80), timeout=1)


def test_offline_kernel_refuses_outside_connections():
    """The kernel the chapters run in refuses a connection to an outside address."""
    cell = nbformat.v4.new_code_cell(
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('93.184.216.34', 80), timeout=1)\n"
        "except Exception as error:\n"
        "    print(type(error).__name__)\n"
    )
    notebook = nbformat.v4.new_notebook(cells=[cell])
    NotebookClient(notebook, kernel_name="clusterlib-offline", timeout=60).execute()
    assert notebook.cells[0].outputs[0]["text"].strip() == "SocketConnectBlockedError"
