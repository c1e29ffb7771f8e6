"""The domain: committees, agreements, accession, rules of procedure. No I/O here."""
