"""A test SMTP server: accepts every message on 127.0.0.1 and writes it to DIR/NNNNNN.eml.

Usage: python3 smtp_sink.py PORT DIR   (PORT 0 picks a free port)

Prints "ready PORT" on stdout once it listens. Messages to a recipient starting with "refuse" get 550 and are not kept. Each file holds X-Envelope-From and X-Envelope-To lines, then the
message as received. Files are written to a temporary name and renamed, so a reader never sees half a message.
Needs Python 3.11 or older: the smtpd module was removed in 3.12.
"""
import asyncore
import os
import smtpd
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)


class Sink(smtpd.SMTPServer):
    def __init__(self, port, folder):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.folder = folder
        self.count = len([n for n in os.listdir(folder) if n.endswith(".eml")])

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        # Lets tests play a permanent refusal: a recipient whose local part starts with "refuse" is rejected after DATA.
        if any(r.lower().startswith("refuse") for r in rcpttos):
            return "550 mailbox unavailable"
        self.count += 1
        name = os.path.join(self.folder, "%06d.eml" % self.count)
        envelope = "X-Envelope-From: %s\r\nX-Envelope-To: %s\r\n" % (mailfrom, ",".join(rcpttos))
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.encode("ascii"))
            f.write(data)
        os.replace(name + ".tmp", name)
        return None


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    server = Sink(port, folder)
    print("ready %d" % server.socket.getsockname()[1], flush=True)
    try:
        asyncore.loop(timeout=0.2)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
