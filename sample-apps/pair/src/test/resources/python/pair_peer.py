"""The tutorial's PAIR peer: send <message> every <interval> seconds and print whatever
the other end sends, until stopped.

usage: pair_peer.py <endpoint> bind|connect <message> <interval-seconds>
"""
import sys

import zmq

endpoint, mode, message = sys.argv[1], sys.argv[2], sys.argv[3]
interval_ms = int(float(sys.argv[4]) * 1000)

context = zmq.Context()
socket = context.socket(zmq.PAIR)
socket.setsockopt(zmq.LINGER, 0)
socket.setsockopt(zmq.IMMEDIATE, 1)  # no queueing before the other end is there
if mode == "bind":
    socket.bind(endpoint)
else:
    socket.connect(endpoint)
while True:
    try:
        socket.send_string(message, zmq.NOBLOCK)
    except zmq.Again:
        pass  # no peer yet
    if socket.poll(interval_ms, zmq.POLLIN):
        while socket.poll(0, zmq.POLLIN):
            print(socket.recv_string())
