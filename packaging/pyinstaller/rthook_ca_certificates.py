"""PyInstaller runtime hook: make sure a frozen ucm-popup trusts the usual CA certificates.

The bundled OpenSSL looks for CAs where it was built to (on Debian /usr/lib/ssl); on another
Linux family that place may not exist and every verified TLS connection would fail.  Prefer the
system's own store (administrators add company CAs there); fall back to certifi's bundle.
An SSL_CERT_FILE or SSL_CERT_DIR set by the user always wins.  Windows loads its system store
by itself, so nothing is done there.
"""


def _choose_ca_certificates() -> None:
    import os
    import ssl
    import sys

    if sys.platform == "win32" or os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR"):
        return
    paths = ssl.get_default_verify_paths()
    if paths.cafile and os.path.isfile(paths.cafile):
        return
    for candidate in (
        "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu, Arch, Gentoo
        "/etc/pki/tls/certs/ca-bundle.crt",  # Fedora, RHEL
        "/etc/ssl/ca-bundle.pem",  # openSUSE
        "/etc/ssl/cert.pem",  # Alpine, macOS, BSDs
    ):
        if os.path.isfile(candidate):
            os.environ["SSL_CERT_FILE"] = candidate
            return
    try:
        import certifi
    except ImportError:
        return
    os.environ["SSL_CERT_FILE"] = certifi.where()


_choose_ca_certificates()
