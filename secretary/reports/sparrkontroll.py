"""Revocation (spärrkontroll) of a signer's certificate, offline and soft-fail (issue 12).

The application fetches nothing over the network when it checks a signature: the check is
to give the same answer on an archive machine years later. So pyHanko's validation context
has `allow_fetching=False` and `revocation_mode="soft-fail"`, and it is given the
revocation data that travels with the file: the document security store (/DSS) and the
signature's own adobe-revocation-info-archival attribute, plus CRLs the caller passes.

What is checked, and said in the evidence (`Sparrkontroll.text`):
- a certificate that names no revocation service (no CRL distribution point, no OCSP
  address) is not checked, and the evidence says so;
- one that names a service, with a CRL or OCSP response for it at hand: checked; a revoked
  certificate is refused (signatur.granska), a good one is said to be checked;
- one that names a service with nothing at hand: the signature is accepted (soft-fail) and
  the evidence says that its revocation could not be checked.
Only the signer's certificate is reported; pyHanko checks the CA certificates under the
trust root the same soft-fail way, unreported. Nothing here says a certificate was not
revoked after the signing time; no long-term (PAdES B-LT) data is added to the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

EJ_ANGIVEN = (
    "Ej kontrollerad: certifikatet anger ingen spärrtjänst (spärrlista eller OCSP), så "
    "spärrstatus kan inte kontrolleras."
)
EJ_MOJLIG = (
    "Kunde inte kontrolleras: certifikatet anger en spärrtjänst, men filen innehåller "
    "ingen spärrlista eller inget OCSP-svar för det, och programmet hämtar inget över "
    "nätet. Signaturen godtas ändå; spärrstatus är okänd."
)
KONTROLLERAD = (
    "Kontrollerad mot spärrinformation som följer med filen eller som angetts: "
    "certifikatet var inte spärrat."
)


@dataclass(frozen=True)
class Sparrinfo:
    """The revocation data at hand for one signature (asn1crypto objects)."""

    crls: tuple[Any, ...] = ()
    ocsps: tuple[Any, ...] = ()
    certs: tuple[Any, ...] = ()


def sparrinfo(reader: Any, emb: Any, sparrlistor: Sequence[bytes] = ()) -> Sparrinfo:
    """What travels with the file (/DSS, the signature's archival attribute) and the CRLs
    given (DER)."""
    from asn1crypto import crl as asn1_crl
    from pyhanko.sign.general import (
        MultivaluedAttributeError,
        NonexistentAttributeError,
        find_unique_cms_attribute,
    )
    from pyhanko.sign.validation.dss import DocumentSecurityStore
    from pyhanko.sign.validation.errors import NoDSSFoundError

    crls: list[Any] = [asn1_crl.CertificateList.load(d) for d in sparrlistor]
    ocsps: list[Any] = []
    certs: list[Any] = []
    try:
        dss = DocumentSecurityStore.read_dss(reader)
        vc = dss.as_validation_context({})
        crls += vc.crls
        ocsps += vc.ocsps
        certs += list(dss.load_certs())
    except NoDSSFoundError:
        pass
    try:
        archival = find_unique_cms_attribute(
            emb.signer_info["signed_attrs"], "adobe_revocation_info_archival"
        )
        crls += list(archival["crl"] or ())
        ocsps += list(archival["ocsp"] or ())
    except (MultivaluedAttributeError, NonexistentAttributeError):
        pass
    return Sparrinfo(tuple(crls), tuple(ocsps), tuple(certs))


def kontext(tillit: Sequence[Any], info: Sparrinfo, mode: str = "soft-fail") -> Any:
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=list(tillit),
        allow_fetching=False,
        revocation_mode=mode,
        crls=list(info.crls),
        ocsps=list(info.ocsps),
        other_certs=list(info.certs),
    )


def resultat(emb: Any, tillit: Sequence[Any], info: Sparrinfo) -> str:
    """The evidence's sentence for a signature pyHanko accepted in soft-fail mode. Whether
    revocation data was found for the certificate is asked of pyHanko once more, in
    hard-fail mode, which refuses a certificate naming a service when none is at hand."""
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator.util import get_declared_revinfo

    has_crl, has_ocsp = get_declared_revinfo(emb.signer_cert)
    if not (has_crl or has_ocsp):
        return EJ_ANGIVEN
    if not (info.crls or info.ocsps):
        return EJ_MOJLIG
    hard = validate_pdf_signature(emb, kontext(tillit, info, "hard-fail"), skip_diff=True)
    return KONTROLLERAD if hard.trusted and not hard.revoked else EJ_MOJLIG


def sparrad_text(status: Any) -> str:
    """'certifikatet är spärrat sedan 2026-12-01' for pyHanko's revocation details."""
    d = status.revocation_details
    vad = "ett certifikat i kedjan" if d.ca_revoked else "certifikatet"
    return f"{vad} är spärrat (återkallat) sedan {d.revocation_date:%Y-%m-%d}"
