"""A plain pika subscriber: bind a queue of its own to a topic exchange, print each message.

usage: pika_subscriber.py <exchange> <binding-key>
"""
import sys

import pika

exchange, binding_key = sys.argv[1], sys.argv[2]
connection = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1'))
channel = connection.channel()
channel.exchange_declare(exchange, exchange_type='topic', durable=True)
queue = channel.queue_declare('', exclusive=True).method.queue
channel.queue_bind(queue, exchange, routing_key=binding_key)
print("bound to " + exchange + " with " + binding_key, file=sys.stderr)
for method, properties, body in channel.consume(queue, auto_ack=True):
    print(body.decode())
