"""The tutorial's PUSH manager: hand out <count> tasks "<id> - <time>".

usage: push_manager.py <endpoint> <count>
"""
import sys
import time

import zmq

endpoint, count = sys.argv[1], int(sys.argv[2])

context = zmq.Context()
socket = context.socket(zmq.PUSH)
socket.setsockopt(zmq.LINGER, 10000)
socket.bind(endpoint)
for task in range(1, count + 1):
    message = "%d - %s" % (task, time.strftime("%H:%M:%S"))
    socket.send_string(message)  # blocks until a worker is connected
    print("Sent: " + message)
socket.close()
context.term()
