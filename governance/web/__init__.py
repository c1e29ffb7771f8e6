"""The web application (``gremium web``): Flask views over the application layer.

:mod:`governance.web.app` builds it; each feature is a blueprint module
(``FEATURES`` in app.py); :mod:`governance.web.front` is what every view uses.
Its settings ([web]) are :mod:`governance.web_settings`, outside this package: the
configuration check of every command reads them, and neither it nor the
application layer may depend on a front.
"""
