"""The demo: a year of the cooperation committee in Treptow-Köpenick on a simulated clock.

`gremium demo` (and `make demo`) runs the seed scenario end to end in a fresh
SQLite file, through the same services a chair, a partner and the
secretariat use: the agreement signed at a ceremony, a new partner accepted
by the committee's vote, four quarterly meetings (one not quorate, repeated),
minutes circulated, one objected to and revised, all approved and archived.
Every mail lands in a Maildir, every document in the output folder.
"""

from governance.demo.run import DemoResult, run

__all__ = ["DemoResult", "run"]
