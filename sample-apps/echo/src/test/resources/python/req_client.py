"""The tutorial's REQ client: send one message, print the reply.

usage: req_client.py <endpoint> <message> [timeout-seconds]
"""
import sys

import zmq

endpoint, message = sys.argv[1], sys.argv[2]
timeout_ms = int(float(sys.argv[3]) * 1000) if len(sys.argv) > 3 else 60000

context = zmq.Context()
socket = context.socket(zmq.REQ)
socket.setsockopt(zmq.LINGER, 0)
socket.setsockopt(zmq.RCVTIMEO, timeout_ms)
socket.connect(endpoint)
socket.send_string(message)
try:
    print(socket.recv_string())
except zmq.Again:
    print("timed out waiting for a reply", file=sys.stderr)
    sys.exit(1)
finally:
    socket.close()
    context.term()
