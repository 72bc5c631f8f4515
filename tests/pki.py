"""A test PKI for the signature tests, made with `cryptography`: a municipality's CA and a
foreign CA, signers with valid, expired and foreign certificates (RSA: EC keys make pyHanko
write PDF 2.0, which breaks PDF/A-2), PKCS#12 files, an RFC 3161 timestamp server on
127.0.0.1 (pyHanko's DummyTimeStamper behind http.server), and a softhsm2 PKCS#11 token
with a key and its certificate, initialised here when softhsm2 is installed."""

from __future__ import annotations

import datetime as dt
import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

SOFTHSM_LIB = next(
    (
        p
        for p in (
            "/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
        )
        if Path(p).is_file()
    ),
    "",
)
HAS_SOFTHSM = bool(SOFTHSM_LIB) and shutil.which("softhsm2-util") is not None
LOSEN = "hemligt"
CRL_URL = "http://127.0.0.1:9/testkommunen.crl"
PIN = "123456"


@dataclass(frozen=True)
class Nyckel:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate

    @property
    def cert_pem(self) -> str:
        return self.cert.public_bytes(serialization.Encoding.PEM).decode()

    def key_pem(self) -> bytes:
        return self.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Testkommunen"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _cert(
    cn: str,
    key: rsa.RSAPrivateKey,
    issuer: Nyckel | None,
    *,
    ca: bool = False,
    fran: dt.datetime | None = None,
    till: dt.datetime | None = None,
    tsa: bool = False,
    crl: bool = False,
) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    fran = fran or now - dt.timedelta(days=30)
    till = till or now + dt.timedelta(days=365)
    b = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(issuer.cert.subject if issuer else _name(cn))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(fran)
        .not_valid_after(till)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    )
    if issuer is not None:
        b = b.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), False
        )
    if crl:  # names a revocation service that is never reached (nothing is fetched)
        point = x509.DistributionPoint([x509.UniformResourceIdentifier(CRL_URL)], None, None, None)
        b = b.add_extension(x509.CRLDistributionPoints([point]), False)
    if ca:
        b = b.add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), True
        )
    elif tsa:
        b = b.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True)
    else:
        b = b.add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), True
        )
    return b.sign((issuer.key if issuer else key), hashes.SHA256())


def nyckel(
    cn: str,
    issuer: Nyckel | None = None,
    *,
    ca: bool = False,
    fran: dt.datetime | None = None,
    till: dt.datetime | None = None,
    tsa: bool = False,
    crl: bool = False,
) -> Nyckel:
    k = _key()
    return Nyckel(k, _cert(cn, k, issuer, ca=ca, fran=fran, till=till, tsa=tsa, crl=crl))


def sparrlista(ca: Nyckel, spärrade: tuple[Nyckel, ...] = ()) -> bytes:
    """A CRL (DER) from `ca` that revokes `spärrade` since yesterday."""
    now = dt.datetime.now(dt.UTC)
    b = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.cert.subject)
        .last_update(now - dt.timedelta(days=1))
        .next_update(now + dt.timedelta(days=7))
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), False
        )
        .add_extension(x509.CRLNumber(1), False)
    )
    for who in spärrade:
        b = b.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(who.cert.serial_number)
            .revocation_date(now - dt.timedelta(days=1))
            .build()
        )
    return b.sign(ca.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def p12(signer: Nyckel, ca: Nyckel, losen: str = LOSEN) -> bytes:
    return pkcs12.serialize_key_and_certificates(
        signer.cert.subject.rfc4514_string().encode(),
        signer.key,
        signer.cert,
        [ca.cert],
        serialization.BestAvailableEncryption(losen.encode()),
    )


@dataclass(frozen=True)
class Pki:
    ca: Nyckel
    främmande_ca: Nyckel
    ordforande: Nyckel
    justerare: Nyckel
    sekreterare: Nyckel
    utgangen: Nyckel
    framling: Nyckel
    tsa: Nyckel
    sparrbar: Nyckel  # names a CRL distribution point (reports.sparrkontroll)

    @property
    def tillit_pem(self) -> str:
        return self.ca.cert_pem

    def p12(self, who: Nyckel) -> bytes:
        return p12(who, self.främmande_ca if who is self.framling else self.ca)


@functools.cache
def pki() -> Pki:
    """One PKI per test run (RSA keys take a while; the token below holds one of them)."""
    ca = nyckel("Testkommunens CA", ca=True, till=dt.datetime.now(dt.UTC) + dt.timedelta(3650))
    fr = nyckel("Främmande CA", ca=True)
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    return Pki(
        ca=ca,
        främmande_ca=fr,
        ordforande=nyckel("Petra Sandström", ca),
        justerare=nyckel("Birger Hedlund", ca),
        sekreterare=nyckel("Eva Kristensson", ca),
        utgangen=nyckel(
            "Utgången Användare", ca, fran=long_ago, till=long_ago + dt.timedelta(days=30)
        ),
        framling=nyckel("Okänd Främling", fr),
        tsa=nyckel("Testkommunens tidsstämpel", ca, tsa=True),
        sparrbar=nyckel("Petra Sandström", ca, crl=True),
    )


# --- the timestamp server -----------------------------------------------------------------


@dataclass(frozen=True)
class Grind:
    """Holds a slow timestamp server's answer: `fragad` is set when a request arrives, and
    the server answers once `svara` is set (at most 15 s later, under pyHanko's 20 s)."""

    fragad: threading.Event
    svara: threading.Event

    @classmethod
    def ny(cls) -> Grind:
        return cls(threading.Event(), threading.Event())


@contextmanager
def tidsstampelserver(p: Pki, grind: Grind | None = None) -> Iterator[str]:
    """An RFC 3161 server on 127.0.0.1 (a free port): POST a TimeStampReq, get a
    TimeStampResp signed by the test TSA. Yields its URL. With a `grind`, a slow server: it
    sleeps on each request until the test lets it answer."""
    from asn1crypto import keys, tsp
    from asn1crypto import x509 as ax509
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    stamper = DummyTimeStamper(
        tsa_cert=ax509.Certificate.load(p.tsa.cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=keys.PrivateKeyInfo.load(
            p.tsa.key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
    )

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            req = tsp.TimeStampReq.load(body)
            if grind is not None:
                grind.fragad.set()
                grind.svara.wait(timeout=15)
            resp = stamper.request_tsa_response(req).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(resp)))
            self.end_headers()
            self.wfile.write(resp)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- the PKCS#11 token --------------------------------------------------------------------


def _der_integer(n: int) -> bytes:
    from asn1crypto.core import Integer

    return bytes(Integer(n).dump())


@dataclass(frozen=True)
class Token:
    bibliotek: str
    etikett: str
    pin: str
    nyckel: str


def softhsm_token(directory: Path, who: Nyckel, etikett: str = "Testkort") -> Token:
    """A fresh softhsm2 token in `directory` (SOFTHSM2_CONF is set for this process) holding
    `who`'s private key and certificate under the label 'signatur'."""
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    tokens = directory / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = directory / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            etikett,
            "--pin",
            PIN,
            "--so-pin",
            "87654321",
        ],
        check=True,
        capture_output=True,
    )
    keyfile = directory / "key.pem"
    keyfile.write_bytes(who.key_pem())
    subprocess.run(
        [
            "softhsm2-util",
            "--import",
            str(keyfile),
            "--token",
            etikett,
            "--label",
            "signatur",
            "--id",
            "01",
            "--pin",
            PIN,
        ],
        check=True,
        capture_output=True,
    )
    keyfile.unlink()
    lib = pkcs11.lib(SOFTHSM_LIB)
    token = lib.get_token(token_label=etikett)
    with token.open(rw=True, user_pin=PIN) as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: "signatur",
                Attribute.ID: b"\x01",
                Attribute.VALUE: who.cert.public_bytes(serialization.Encoding.DER),
                Attribute.SUBJECT: who.cert.subject.public_bytes(),
                Attribute.ISSUER: who.cert.issuer.public_bytes(),
                Attribute.SERIAL_NUMBER: _der_integer(who.cert.serial_number),
            }
        )
    return Token(SOFTHSM_LIB, etikett, PIN, "signatur")


_TOKEN: list[Token] = []


def session_token(factory: object, p: Pki) -> Token:
    """The one token of this test run, holding the justerare's key: softhsm2 reads its
    configuration once per process, so the token is made once."""
    import pytest

    assert isinstance(factory, pytest.TempPathFactory)
    if not _TOKEN:
        _TOKEN.append(softhsm_token(factory.mktemp("softhsm"), p.justerare))
    return _TOKEN[0]


# --- an outside signer ------------------------------------------------------------------------


def utanfor(pdf: bytes, tmp: Path, who: Nyckel, p: Pki, falt: str) -> bytes:
    """pyHanko's command line, as a signatory or a signing service would sign."""
    src, dst, pfx, pw = (tmp / n for n in ("in.pdf", "out.pdf", "id.p12", "pass"))
    src.write_bytes(pdf)
    pfx.write_bytes(p.p12(who))
    pw.write_text(LOSEN)
    cli = Path(sys.executable).with_name("pyhanko")
    subprocess.run(
        [
            *(str(cli), "sign", "addsig", "--field", falt, "--use-pades"),
            *("pkcs12", "--passfile", str(pw), str(src), str(dst), str(pfx)),
        ],
        check=True,
        capture_output=True,
    )
    return dst.read_bytes()
