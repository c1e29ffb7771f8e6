"""E-mail: notifications rendered when queued, RFC 5322 messages, iCalendar
invitations, and the dispatcher that delivers the outbox (SMTP or Maildir).

Queueing happens in the caller's transaction (:func:`governance.outbox.queue`);
delivery happens later, in ``gremium outbox send`` or ``gremium run``.
"""
