#!/usr/bin/env python3
"""A local SMTP server that accepts every message and appends one line per message to a log:
'<Message-ID> <recipients>'. Used by kill-loop.sh to count copies; nothing is kept but the line."""
import sys, warnings
warnings.filterwarnings("ignore", category=DeprecationWarning)
import asyncore, smtpd, email.parser

port, log_path = int(sys.argv[1]), sys.argv[2]
log = open(log_path, "a", buffering=1)

class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        headers = email.parser.BytesHeaderParser().parsebytes(data) if isinstance(data, bytes) \
            else email.parser.HeaderParser().parsestr(data)
        log.write("%s %s\n" % (headers.get("Message-ID", "-"), ",".join(rcpttos)))
        return None

Sink(("127.0.0.1", port), None, decode_data=False)
asyncore.loop()
