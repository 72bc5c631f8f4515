"""Digital signatures on the justerat protocol, with pyHanko: sign a signatory's own field
(PAdES baseline B-B, or B-T with an RFC 3161 timestamp), and check every signature of a PDF
that comes back against the version the application stored.

Bytes in, bytes and plain results out: the use cases (services.underskrift) read the keys,
the trust roots and the stored version, and keep what this module finds. Every reason a
signature is refused is a Swedish sentence naming the signature.

What a check asks of a signed PDF (issue 12):
- it reads as a PDF at all (a truncated file does not);
- the stored justerat version is its beginning, byte for byte: the signatures are
  incremental updates after it (PDF/A-2b stays as it was);
- every revision after that adds nothing but signatures and their fields (pyHanko's
  modification analysis, at most form filling);
- each signature is intact (the digest over its byte range) and valid, sits in one of the
  protocol's signature fields, and its certificate chains to a root the municipality
  trusts and was valid at the signing time;
- the signing time (the timestamp's, or the signer's own claim) is not before the version
  was made nor in the future;
- the certificate is not revoked, as far as the revocation data that travels with the file
  can tell, offline and soft-fail (reports.sparrkontroll says what is and is not checked).

pyHanko is imported lazily (about 0.35 s).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secretary.reports import xmp
from secretary.reports.styles import FONT_DIR

# How far a signing time may lie ahead of the application's clock (clocks differ a little).
KLOCKMARGINAL = dt.timedelta(minutes=10)


class SigneringsFel(Exception):
    """Signing could not be done; the message is Swedish and says why."""


@dataclass(frozen=True)
class Certifikat:
    """What the evidence keeps of a certificate."""

    subjekt: str
    utfardare: str
    serienummer: str
    sha256: str
    giltig_fran: dt.datetime
    giltig_till: dt.datetime
    pem: str

    def som_dict(self) -> dict[str, str]:
        return {
            "subjekt": self.subjekt,
            "utfardare": self.utfardare,
            "serienummer": self.serienummer,
            "sha256": self.sha256,
            "giltig_fran": self.giltig_fran.isoformat(),
            "giltig_till": self.giltig_till.isoformat(),
            "pem": self.pem,
        }


@dataclass(frozen=True)
class Signaturgranskning:
    """One signature of a PDF and what the check found: `fel` empty means accepted."""

    falt: str
    signerare: str
    signeringstid: dt.datetime | None  # the timestamp's time when there is one
    tidsstampel: dt.datetime | None
    niva: str  # "PAdES B-B" or "PAdES B-T"
    intakt: bool
    giltig: bool
    betrodd: bool
    andringar: str  # pyHanko's modification level after this signature
    kedja: tuple[Certifikat, ...]
    fel: tuple[str, ...] = ()
    sparrkontroll: str = ""  # reports.sparrkontroll: checked, not possible, or not named

    @property
    def godkand(self) -> bool:
        return not self.fel

    def som_dict(self) -> dict[str, Any]:
        return {
            "falt": self.falt,
            "signerare": self.signerare,
            "signeringstid": self.signeringstid.isoformat() if self.signeringstid else None,
            "tidsstampel": self.tidsstampel.isoformat() if self.tidsstampel else None,
            "niva": self.niva,
            "intakt": self.intakt,
            "giltig": self.giltig,
            "betrodd": self.betrodd,
            "andringar": self.andringar,
            "kedja": [c.som_dict() for c in self.kedja],
            "fel": list(self.fel),
            "resultat": "godkänd" if self.godkand else "underkänd",
            "sparrkontroll": self.sparrkontroll,
        }


@dataclass(frozen=True)
class Granskning:
    """The whole PDF: errors that concern the file (`fel`) and each signature's result."""

    signaturer: tuple[Signaturgranskning, ...] = ()
    fel: tuple[str, ...] = ()

    @property
    def godkand(self) -> bool:
        return not self.fel and all(s.godkand for s in self.signaturer)

    @property
    def alla_fel(self) -> list[str]:
        return list(self.fel) + [f for s in self.signaturer for f in s.fel]


# --- keys --------------------------------------------------------------------------------


def pkcs12_signer(data: bytes, losenord: str) -> Any:
    """A pyHanko signer from a PKCS#12 file's bytes; a wrong password or a file that is not
    PKCS#12 gives SigneringsFel."""
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.sign import signers

    try:
        pkcs12.load_key_and_certificates(data, losenord.encode() or None)
    except ValueError:
        raise SigneringsFel(
            "Certifikatfilen kunde inte öppnas: fel lösenord, eller så är filen ingen "
            "PKCS#12-fil (.p12/.pfx)."
        ) from None
    signer = signers.SimpleSigner.load_pkcs12_data(
        data, other_certs=(), passphrase=losenord.encode() or None
    )
    if signer is None:
        raise SigneringsFel("Certifikatfilen innehåller ingen nyckel att signera med.")
    return signer


@contextmanager
def pkcs11_signer(bibliotek: str, token: str, pin: str, nyckel: str) -> Iterator[Any]:
    """A pyHanko signer on a smart card or token through PKCS#11 (python-pkcs11): the
    module `bibliotek`, the token's label, the user PIN and the label of the key and its
    certificate. The session is closed afterwards."""
    try:
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign import pkcs11 as p11
    except ImportError:  # pragma: no cover - python-pkcs11 is a dependency
        raise SigneringsFel(
            "Stöd för smarta kort (python-pkcs11) saknas i installationen."
        ) from None
    if not Path(bibliotek).is_file():
        raise SigneringsFel(f"PKCS#11-modulen {bibliotek} finns inte.")
    try:
        session = p11.open_pkcs11_session(
            bibliotek, token_criteria=TokenCriteria(label=token), user_pin=pin
        )
    except Exception as exc:
        raise SigneringsFel(
            f"Kortet eller token ”{token}” kunde inte öppnas: fel PIN-kod, eller så "
            f"finns det inte ({type(exc).__name__})."
        ) from None
    try:
        try:
            signer = p11.PKCS11Signer(session, cert_label=nyckel, key_label=nyckel)
            signer.signing_cert  # noqa: B018 - pulls the certificate now, to fail here
        except Exception as exc:
            raise SigneringsFel(
                f"Nyckeln eller certifikatet ”{nyckel}” finns inte på ”{token}” "
                f"({type(exc).__name__})."
            ) from None
        yield signer
    finally:
        session.close()


# --- signing -------------------------------------------------------------------------------


@functools.cache
def _stampfont() -> bytes:
    """Liberation Sans scaled to 1000 units per em: pyHanko 0.38 spaces the letters of a
    2048-unit font far apart (stack-notes.md). Made once per process, kept in memory."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    font = TTFont(str(FONT_DIR / "LiberationSans-Regular.ttf"))
    scale_upem(font, 1000)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _fontfabrik(size: int) -> Any:
    """pyHanko's GlyphAccumulatorFactory reads a font file and never closes it; this one
    hands it the font from memory."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    class Fabrik(GlyphAccumulatorFactory):
        def create_font_engine(self, writer: Any, obj_stream: Any = None) -> Any:
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(
                writer=writer,
                font_handle=io.BytesIO(_stampfont()),
                font_size=self.font_size,
                obj_stream=obj_stream,
            )

    return Fabrik(font_file="LiberationSans-Regular.ttf", font_size=size)


def signera(
    pdf: bytes,
    falt: str,
    signer: Any,
    *,
    namn: str,
    roll: str,
    tsa_url: str = "",
    timestamper: Any = None,
    syfte: str = "Justering av protokollet",
    dokumentet: str = "protokollet",
) -> bytes:
    """Sign the empty field `falt` as an incremental update: PAdES B-B, or B-T with a
    timestamp from `tsa_url` (or a given pyHanko timestamper). The visible stamp uses the
    embedded font, so the file stays PDF/A-2b. `syfte` is the signature's stated reason
    ("Justering av protokollet (ordförande)"), `dokumentet` what is signed, for messages."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.sign.timestamps import HTTPTimeStamper
    from pyhanko.stamp import TextStampStyle

    if timestamper is None and tsa_url:
        timestamper = HTTPTimeStamper(tsa_url, timeout=20)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    except Exception:
        raise SigneringsFel("PDF-filen kunde inte läsas och kan inte signeras.") from None
    lediga = {name for name, value, _ in fields.enumerate_sig_fields(writer.prev) if not value}
    if falt not in lediga:
        raise SigneringsFel(
            f"Underskriftsfältet för {roll.lower()} {namn} är redan signerat eller finns "
            f"inte i {dokumentet}."
        )
    meta = signers.PdfSignatureMetadata(
        field_name=falt,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=f"{syfte} ({roll.lower()})",
        name=namn,
    )
    xmp.behall_formen(writer)
    style = TextStampStyle(
        stamp_text=f"Digitalt signerat av %(signer)s\n{roll}\n%(ts)s",
        timestamp_format="%Y-%m-%d %H.%M %Z",
        text_box_style=TextBoxStyle(font=_fontfabrik(8)),
        border_width=1,
    )
    out = io.BytesIO()
    try:
        signers.PdfSigner(meta, signer=signer, timestamper=timestamper, stamp_style=style).sign_pdf(
            writer, output=out
        )
    except SigneringsFel:
        raise
    except Exception as exc:
        if timestamper is not None and "imestamp" in f"{type(exc).__name__} {exc}":
            raise SigneringsFel(
                f"Tidsstämpelservern {tsa_url or ''} svarade inte eller gav ett felaktigt "
                "svar. Försök igen, eller kontrollera adressen under Inställningar."
            ) from None
        raise SigneringsFel(f"Signeringen misslyckades ({type(exc).__name__}: {exc}).") from None
    return out.getvalue()


# --- checking ------------------------------------------------------------------------------


def _certifikat(cert: Any) -> Certifikat:
    from cryptography import x509

    der = cert.dump()
    c = x509.load_der_x509_certificate(der)
    from cryptography.hazmat.primitives.serialization import Encoding

    return Certifikat(
        subjekt=c.subject.rfc4514_string(),
        utfardare=c.issuer.rfc4514_string(),
        serienummer=format(c.serial_number, "X"),
        sha256=hashlib.sha256(der).hexdigest(),
        giltig_fran=c.not_valid_before_utc,
        giltig_till=c.not_valid_after_utc,
        pem=c.public_bytes(Encoding.PEM).decode("ascii"),
    )


def las_tillit(pem: str) -> list[Any]:
    """The municipality's trust roots from PEM text (several certificates one after the
    other); text that holds none gives SigneringsFel."""
    from asn1crypto import pem as asn1pem
    from asn1crypto import x509

    data = pem.encode()
    out = []
    try:
        if asn1pem.detect(data):
            for _, _, der in asn1pem.unarmor(data, multiple=True):
                out.append(x509.Certificate.load(der))
        for c in out:
            c.native  # noqa: B018 - parse now, fail here
    except Exception:
        raise SigneringsFel("De betrodda rotcertifikaten kunde inte läsas (PEM).") from None
    return out


def _cn(cert: Any) -> str:
    name = cert.subject.native
    return str(name.get("common_name") or cert.subject.human_friendly)


def _diff_policy() -> Any:
    """pyHanko's default modification rules, read from the unsigned justerat version on:
    that version's /SigFlags (1, fields present) becomes 3 with the first signature, which
    the default rules, made to read from a signed revision on, would call suspicious."""
    from pyhanko.sign.diff_analysis import (
        DEFAULT_DIFF_POLICY,
        FormUpdatingRule,
        StandardDiffPolicy,
    )
    from pyhanko.sign.diff_analysis.constants import ACROFORM_EXEMPT_STRICT_COMPARISON

    default = DEFAULT_DIFF_POLICY
    assert default.form_rule is not None
    return StandardDiffPolicy(
        global_rules=default.global_rules,
        form_rule=FormUpdatingRule(
            field_rules=default.form_rule.field_rules,
            ignored_acroform_keys=ACROFORM_EXEMPT_STRICT_COMPARISON | {"/SigFlags"},
        ),
    )


def _lasare(pdf: bytes) -> Any:
    """pyHanko's reader, strict=False, except that each object stream is decoded and its
    header indexed once. pyHanko 0.38 decodes the stream and scans its header anew for every
    object it takes from it, which is quadratic in the objects per stream: the tagged
    60-§ protocol (some 11,000 structure elements in object streams) took the diff analysis
    of a signature check about 10 s, of which this is most. An object the index does not
    hold as asked is read the library's own way, so what is read never differs."""
    from pyhanko.pdf_utils import generic as typed_generic
    from pyhanko.pdf_utils import misc
    from pyhanko.pdf_utils.reader import PdfFileReader

    generic: Any = typed_generic  # pyHanko's parsing helpers are untyped
    read_non_whitespace: Any = misc.read_non_whitespace
    original: Any = PdfFileReader._get_object_from_stream

    class Lasare(PdfFileReader):
        def __init__(self, stream: Any) -> None:
            super().__init__(stream, strict=False)
            self._objstm: dict[int, tuple[Any, bytes, int, dict[int, tuple[int, int]]]] = {}

        def _index(self, stmnum: int) -> tuple[bytes, int, dict[int, tuple[int, int]]] | None:
            stream = generic.Reference(stmnum, 0, self).get_object()
            hit = self._objstm.get(stmnum)
            if hit is not None and hit[0] is stream:
                return hit[1], hit[2], hit[3]
            if not isinstance(stream, generic.StreamObject) or stream.get("/Type") != "/ObjStm":
                return None
            data = stream.read_data(generic.DecodePurpose.OBJECT_STREAM)
            header = io.BytesIO(data)
            offsets: dict[int, tuple[int, int]] = {}
            try:
                first = int(stream["/First"])
                for i in range(int(stream["/N"])):
                    read_non_whitespace(header, seek_back=True)
                    objnum = generic.NumberObject.read_from_stream(header)
                    read_non_whitespace(header, seek_back=True)
                    offset = generic.NumberObject.read_from_stream(header)
                    offsets.setdefault(int(objnum), (i, int(offset)))
            except Exception:  # a damaged header: the library's own reading decides
                return None
            self._objstm[stmnum] = (stream, data, first, offsets)
            return data, first, offsets

        def _get_object_from_stream(self, idnum: int, stmnum: int, idx: int) -> Any:
            index = self._index(stmnum)
            entry = None if index is None else index[2].get(idnum)
            if index is None or entry is None or entry[0] != idx:
                return original(self, idnum, stmnum, idx)
            data, first, _ = index
            body = io.BytesIO(data)
            body.seek(first + entry[1])
            try:
                obj = generic.read_object(body, generic.Reference(idnum, 0, self))
            except Exception:
                return original(self, idnum, stmnum, idx)
            return obj

    return Lasare(io.BytesIO(pdf))


def granska(
    pdf: bytes,
    bas: bytes,
    tillit: Sequence[Any],
    *,
    fran: dt.datetime,
    nu: dt.datetime,
    falt_namn: dict[str, str],
    versionsnamn: str = "det justerade protokollet",
    dokumentets: str = "protokollets",
    fixerat: str = "protokollet justerades",
    sparrlistor: Sequence[bytes] = (),
) -> Granskning:
    """Check every signature of `pdf` against the stored version `bas` (see the module
    docstring). `falt_namn` maps the document's field names to 'Ordförande Petra Sandström'
    for the messages; `fran` is when the version was made, `nu` the application's clock
    (naive local times are taken as local). The same checks serve the protocol and a
    bestyrkt utdrag or anslagsbevis: `versionsnamn`, `dokumentets` ('utdragets') and
    `fixerat` ('utdraget utfärdades för underskrift') name the document in the messages;
    `sparrlistor` are CRLs (DER) to check revocation against besides those in the file."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.diff_analysis.policy_api import SuspiciousModification
    from pyhanko.sign.validation import validate_pdf_signature

    from secretary.reports import sparrkontroll

    fran_a, nu_a = fran.astimezone(), nu.astimezone()
    if not pdf.lstrip().startswith(b"%PDF-") or b"%%EOF" not in pdf[-1024:]:
        return Granskning(
            fel=("Filen är ingen fullständig PDF-fil (den kan vara avkortad eller trasig).",)
        )
    if not pdf.startswith(bas):
        return Granskning(
            fel=(
                f"PDF-filen är inte {versionsnamn}: det som signerats är ett annat "
                "dokument eller en annan version, eller så har texten ändrats.",
            )
        )
    try:
        reader = _lasare(pdf)
        base_reader = _lasare(bas)
        base_rev = base_reader.xrefs.total_revisions - 1
        signatures = list(reader.embedded_signatures)
    except Exception:
        return Granskning(fel=("Filen kunde inte läsas som PDF (den kan vara trasig).",))

    fel: list[str] = []
    if not signatures:
        fel.append("PDF-filen innehåller inga signaturer.")
    try:
        diff = _diff_policy().review_file(reader, base_rev)
    except Exception as exc:  # pyHanko reports; a broken revision may raise
        diff = SuspiciousModification(str(exc))
    if isinstance(diff, SuspiciousModification) or diff.modification_level > (
        ModificationLevel.FORM_FILLING
    ):
        fel.append(
            f"PDF-filen har ändrats efter att {fixerat}: mer än underskrifter "
            "har lagts till (texten eller sidorna har ändrats)."
        )

    results = []
    for emb in signatures:
        name = emb.field_name or "(utan namn)"
        vem = falt_namn.get(name, f"signaturen i fältet {name}")
        sig_fel: list[str] = []
        if name not in falt_namn:
            sig_fel.append(
                f"Signaturen i fältet ”{name}” ligger inte i något av {dokumentets} "
                "underskriftsfält."
            )
        if emb.signed_revision <= base_rev:
            sig_fel.append(f"{vem}: signaturen gäller inte {versionsnamn}.")
        cert = emb.signer_cert
        try:
            info = sparrkontroll.sparrinfo(reader, emb, sparrlistor)
            vc = sparrkontroll.kontext(tillit, info)
            status = validate_pdf_signature(emb, vc, skip_diff=True)
        except Exception as exc:
            sig_fel.append(f"{vem}: signaturen kunde inte kontrolleras ({type(exc).__name__}).")
            results.append(
                Signaturgranskning(
                    name, _cn(cert), None, None, "", False, False, False, "", (), tuple(sig_fel)
                )
            )
            continue
        ts = status.timestamp_validity
        tst_time = ts.timestamp if ts is not None and ts.intact and ts.valid else None
        when = tst_time or status.signer_reported_dt
        if not status.intact:
            sig_fel.append(
                f"{vem}: signaturen stämmer inte med innehållet; filen har ändrats efter "
                "att den signerades."
            )
        elif not status.valid:
            sig_fel.append(f"{vem}: signaturen är ogiltig (kryptografiskt fel).")
        c = _certifikat(cert)
        expired = c.giltig_till < (when or nu_a) or (c.giltig_till < nu_a and tst_time is None)
        not_yet = when is not None and c.giltig_fran > when
        if expired:
            sig_fel.append(
                f"{vem}: certifikatet ({c.subjekt}) gick ut {c.giltig_till:%Y-%m-%d} och "
                "var inte giltigt vid signeringen."
            )
        elif not_yet:
            sig_fel.append(
                f"{vem}: certifikatet ({c.subjekt}) gällde först från "
                f"{c.giltig_fran:%Y-%m-%d}, efter signeringen."
            )
        elif status.revoked:
            sig_fel.append(f"{vem}: {sparrkontroll.sparrad_text(status)}.")
        elif not status.trusted:
            sig_fel.append(
                f"{vem}: certifikatet ({c.subjekt}, utfärdat av {c.utfardare}) kommer inte "
                "från någon av kommunens betrodda utfärdare."
            )
        if when is None:
            sig_fel.append(f"{vem}: signaturen saknar signeringstid.")
        elif when < fran_a - KLOCKMARGINAL:
            sig_fel.append(
                f"{vem}: signeringstiden {when.astimezone():%Y-%m-%d %H.%M} ligger före "
                f"{versionsnamn} skapades ({fran_a:%Y-%m-%d %H.%M})."
            )
        elif when > nu_a + KLOCKMARGINAL:
            sig_fel.append(
                f"{vem}: signeringstiden {when.astimezone():%Y-%m-%d %H.%M} ligger i framtiden."
            )
        path = status.validation_path
        chain = (
            tuple(reversed([_certifikat(x) for x in path.iter_certs(include_root=True)]))
            if path
            else (c,)
        )  # the signer first, the root last
        results.append(
            Signaturgranskning(
                falt=name,
                signerare=_cn(cert),
                signeringstid=when,
                tidsstampel=tst_time,
                niva="PAdES B-T" if tst_time else "PAdES B-B",
                intakt=bool(status.intact),
                giltig=bool(status.valid),
                betrodd=bool(status.trusted),
                andringar=str(getattr(status.modification_level, "name", "")),
                kedja=chain,
                fel=tuple(sig_fel),
                sparrkontroll="" if sig_fel else sparrkontroll.resultat(emb, tillit, info),
            )
        )
    return Granskning(tuple(results), tuple(fel))


@dataclass(frozen=True)
class Falt:
    namn: str
    signerat: bool


def signaturfalt_i(pdf: bytes) -> list[Falt]:
    """The signature fields of a PDF, each filled or empty."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    return [Falt(n, v is not None) for n, v, _ in fields.enumerate_sig_fields(reader)]


__all__ = [
    "Certifikat",
    "Falt",
    "Granskning",
    "Signaturgranskning",
    "SigneringsFel",
    "granska",
    "las_tillit",
    "pkcs11_signer",
    "pkcs12_signer",
    "signaturfalt_i",
    "signera",
]
