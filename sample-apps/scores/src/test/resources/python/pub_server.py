"""The tutorial's PUB server: every interval a round of updates on topics 1 and 2.

usage: pub_server.py <endpoint> <interval-seconds>
"""
import sys
import time

import zmq

endpoint, interval = sys.argv[1], float(sys.argv[2])

context = zmq.Context()
socket = context.socket(zmq.PUB)
socket.bind(endpoint)
update = 0
while True:
    update += 1
    now = time.strftime("%H:%M:%S")
    for topic in ("1", "2"):
        socket.send_string("%s-Update! >> #%d >> %s" % (topic, update, now))
    time.sleep(interval)
