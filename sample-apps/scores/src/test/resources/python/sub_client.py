"""The tutorial's SUB client: subscribe to a prefix, print what arrives.

usage: sub_client.py <endpoint> <prefix> <count>
"""
import sys

import zmq

endpoint, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])

context = zmq.Context()
socket = context.socket(zmq.SUB)
socket.setsockopt(zmq.LINGER, 0)
socket.setsockopt_string(zmq.SUBSCRIBE, prefix)
socket.connect(endpoint)
for _ in range(count):
    print(socket.recv_string())
socket.close()
context.term()
