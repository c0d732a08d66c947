"""Personal data (RGPD): what is kept, a copy for the member, erasure, retention."""
