"""From a member's message to the hotline's decision."""

import time

# When this code was loaded: a source file changed since then is not the code running (bot/answering/prepared.py).
LOADED_AT = time.time()
