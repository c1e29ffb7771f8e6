"""The web application (``gremium web``): Flask views over the application layer.

:mod:`governance.web.app` builds it; each feature is a blueprint module
(``FEATURES`` in app.py); :mod:`governance.web.front` is what every view uses.
Nothing here imports Flask at package import: :mod:`governance.web.settings`
is read by the configuration check of every command.
"""
