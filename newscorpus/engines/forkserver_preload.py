"""Imported by the local engine's fork server only (its preload list): the fork server dies with the pipeline.

Importing this module makes the importing process receive SIGKILL when its
parent dies, so it must never be imported anywhere else; ``LocalEngine``
lists it in the fork server's preload modules and nothing imports it by name.
The fork server is started by the pipeline's main thread, the one whose
death the kernel watches.
"""

from __future__ import annotations

from newscorpus.engines.lifetime import die_with_parent

die_with_parent()
