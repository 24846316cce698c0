"""A plain pika RPC server: answer every request on a queue with "Echo: " + request.

usage: pika_rpc_server.py <queue>
"""
import sys

import pika

queue = sys.argv[1]
connection = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1'))
channel = connection.channel()
channel.queue_declare(queue, durable=True)


def on_request(ch, method, properties, body):
    request = body.decode()
    print("Received request: " + request)
    ch.basic_publish('', properties.reply_to, ("Echo: " + request).encode(),
                     pika.BasicProperties(correlation_id=properties.correlation_id, content_type='text/plain'))
    ch.basic_ack(method.delivery_tag)


channel.basic_consume(queue, on_request)
print("consuming " + queue, file=sys.stderr)
channel.start_consuming()
