"""PyInstaller runtime hook: make sure a frozen ucm-popup trusts the usual CA certificates.

The bundled OpenSSL looks for CAs where it was built to (on Debian /usr/lib/ssl); on another
Linux family that place may not exist and every verified TLS connection would fail.  Prefer the
system's own store (administrators add company CAs there); fall back to certifi's bundle.
An SSL_CERT_FILE or SSL_CERT_DIR set by the user always wins.  Only Linux needs this: on
Windows and macOS the app's clients verify through the system's own store (truststore: the
Windows certificate store, the Keychain), and pointing OpenSSL at /etc/ssl/cert.pem on macOS
would only hide the Keychain's company CAs from anything else that uses plain ``ssl``.
"""


def _choose_ca_certificates() -> None:
    import os
    import ssl
    import sys

    if not sys.platform.startswith("linux") or os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR"):
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
