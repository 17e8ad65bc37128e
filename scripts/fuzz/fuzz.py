"""Fuzzes a running CareCircle's GraphQL API the way an attacker would, with hypothesis-graphql: it
reads the service's schema and generates queries and mutations (as the planner), valid ones and
malformed ones (cut short, with stray characters). Every answer must be JSON, below HTTP 500, and
every error must carry one of the documented codes and not be a fault of ours (INTERNAL, "System
error"). Exits 1 on the first that is not, printing the request.

    python fuzz.py --url http://localhost:8081 --examples 300 --seed 20261128
"""
import argparse
import json
import re
import sys

import graphql
import requests
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, queries

JAVA_NAME = re.compile(r"\b(?:org|java|javax|jakarta|io|graphql|com)\.[a-z]+\.")
CODES = {"BAD_USER_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "TOO_EXPENSIVE",
         "NETWORK_UNAVAILABLE", "DATABASE_UNAVAILABLE"}


def geometry():
    """GeoJSON for the GeoJSON scalars: places in and around the service region, shapes good and bad (a Point where
    a Polygon belongs too)."""
    longitude = st.one_of(st.floats(103.9, 104.1), st.floats(-200, 200, allow_nan=False))
    latitude = st.one_of(st.floats(30.7, 30.8), st.floats(-100, 100, allow_nan=False))
    point = st.tuples(longitude, latitude).map(lambda p: f'{{type: "Point", coordinates: [{p[0]}, {p[1]}]}}')
    square = st.tuples(longitude, latitude, st.floats(0, 2)).map(
        lambda p: '{type: "Polygon", coordinates: [[[%s, %s], [%s, %s], [%s, %s], [%s, %s]]]}' % (
            p[0], p[1], p[0] + p[2], p[1], p[0] + p[2], p[1] + p[2], p[0], p[1]))
    odd = st.sampled_from(['{}', '"x"', '[]', '{type: "Circle"}', '{type: "MultiPolygon", coordinates: []}',
                           '{type: "Point", coordinates: ["a", 1]}', '{type: "Point"}', '1e308'])
    return st.one_of(point, square, odd).map(graphql.parse_value)


def malformed(document):
    """A document cut short or with a stray character: the parser's errors must be answers too."""
    return st.tuples(st.integers(0, max(0, len(document) - 1)), st.sampled_from(["", "{", "}", "(", "$", '"', "\\", "\x00"])).map(
        lambda cut: document[:cut[0]] + cut[1])


def check(session, url, document):
    answer = session.post(url + "/graphql", json={"query": document}, timeout=120)
    problem = None
    if answer.status_code >= 500:
        problem = f"HTTP {answer.status_code}"
    else:
        try:
            body = answer.json()
        except ValueError:
            body = None
            problem = f"not JSON (HTTP {answer.status_code}): {answer.text[:200]}"
        if body is not None:
            for error in body.get("errors") or []:
                code = (error.get("extensions") or {}).get("code")
                message = error.get("message") or ""
                if code not in CODES or "System error" in message:
                    problem = f"error without a documented refusal code: {json.dumps(error)[:400]}"
                elif JAVA_NAME.search(message):
                    problem = f"error naming a Java class: {message[:400]}"
    if problem:
        print(f"fuzz.py: {problem}\nrequest: {document[:2000]}", file=sys.stderr)
        raise AssertionError(problem)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--user", default="planner")
    parser.add_argument("--password", default="planner")
    parser.add_argument("--examples", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261128)
    options = parser.parse_args()

    session = requests.Session()
    session.auth = (options.user, options.password)
    # the schema as the service describes itself (introspection names every scalar it uses)
    introspection = session.post(options.url + "/graphql", json={"query": graphql.get_introspection_query()}, timeout=30)
    schema = graphql.build_client_schema(introspection.json()["data"])
    scalars = {name: geometry() for name in ("GeoJSONPoint", "GeoJSONPolygon", "GeoJSONMultiPolygon",
                                             "GeoJSONPolygonOrMultiPolygon", "GeoJSONFeatureCollection")}
    valid = st.one_of(queries(schema, custom_scalars=scalars, allow_x00=False),
                      mutations(schema, custom_scalars=scalars, allow_x00=False))
    documents = st.one_of(valid, valid.flatmap(malformed))
    sent = [0]

    @seed(options.seed)
    @settings(max_examples=options.examples, deadline=None, database=None, derandomize=False, print_blob=False,
              suppress_health_check=list(HealthCheck))
    @given(documents)
    def fuzz(document):
        sent[0] += 1
        check(session, options.url, document)

    fuzz()
    print(f"fuzz.py: {sent[0]} requests, every answer a documented code below HTTP 500 (seed {options.seed})")


if __name__ == "__main__":
    main()
