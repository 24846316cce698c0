"""The tutorial's REP server: answer every request with "Echo: " + request.

usage: rep_server.py <endpoint>
"""
import sys

import zmq

context = zmq.Context()
socket = context.socket(zmq.REP)
socket.bind(sys.argv[1])
print("listening on " + sys.argv[1], file=sys.stderr)
while True:
    message = socket.recv_string()
    print("Received request: " + message)
    socket.send_string("Echo: " + message)
