"""The tutorial's PULL worker: take <count> tasks and print each.

usage: pull_worker.py <endpoint> <count>
"""
import sys

import zmq

endpoint, count = sys.argv[1], int(sys.argv[2])

context = zmq.Context()
socket = context.socket(zmq.PULL)
socket.setsockopt(zmq.LINGER, 0)
socket.connect(endpoint)
for _ in range(count):
    print("Received: " + socket.recv_string())
socket.close()
context.term()
