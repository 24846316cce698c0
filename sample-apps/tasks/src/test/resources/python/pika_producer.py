"""A plain pika producer: put persistent tasks "<id> - task" on a durable queue, confirmed.

usage: pika_producer.py <queue> <count>
"""
import sys

import pika

queue, count = sys.argv[1], int(sys.argv[2])
connection = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1'))
channel = connection.channel()
# The same arguments as the Switchboard worker's queue: its dead letters go to <queue>.dlx.
channel.queue_declare(queue, durable=True, arguments={'x-dead-letter-exchange': queue + '.dlx'})
channel.confirm_delivery()
for task_id in range(1, count + 1):
    task = "%d - task" % task_id
    channel.basic_publish('', queue, task.encode(), pika.BasicProperties(delivery_mode=2, content_type='text/plain'))
    print("Sent: " + task)
connection.close()
