"""What each document Gremium prints contains: its context, built from the
database for the reference a person gives (``kinds``: the kinds by name and
``load_html``). The rendering itself (HTML, PDF/A, archive) is
:mod:`governance.documents`, which knows nothing of the application layer.
"""
