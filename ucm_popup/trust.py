"""Which certificate authorities a TLS client trusts: the operating system's, or one file.

Call centres often sit behind a TLS-inspecting proxy whose root certificate the company puts in
the system's trust store: the Windows certificate store, the macOS Keychain, the system bundle
on Linux.  Python's own ``ssl`` reads only OpenSSL's files (on Windows and in a frozen macOS
app, not the store the company fills), so every client here trusts the system store through
``truststore``, made for this.  A ``ca_file`` set in the settings still means that file's CAs
alone, and a pinned UCM certificate bypasses both (``ucm/tls.py``).
"""

from __future__ import annotations

import ssl


def client_context(ca_file: str = "") -> ssl.SSLContext:
    """A client context that checks the server's certificate and host name: against the CAs
    in ``ca_file`` when set, else against the operating system's trust store."""
    if ca_file:
        return ssl.create_default_context(cafile=ca_file)
    import truststore

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
