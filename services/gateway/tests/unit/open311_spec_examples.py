"""The GeoReport v2 specification's own example responses (wiki.open311.org/GeoReport_v2 and
its Service Discovery page), abridged to one item each: what a client written against the
specification expects, element for element. The tests compare our documents' structure with
these, never their values."""

from __future__ import annotations

from typing import Any, Final

SERVICES_XML: Final = """<?xml version="1.0" encoding="utf-8"?>
<services>
  <service>
    <service_code>001</service_code>
    <service_name>Cans left out 24x7</service_name>
    <description>Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.</description>
    <metadata>true</metadata>
    <type>realtime</type>
    <keywords>lorem, ipsum, dolor</keywords>
    <group>sanitation</group>
  </service>
</services>"""  # noqa: E501

SERVICES_JSON: Final[list[dict[str, Any]]] = [
    {
        "service_code": "001",
        "service_name": "Cans left out 24x7",
        "description": "Garbage or recycling cans that have been left out for more than 24 "
        "hours after collection. Violators will be cited.",
        "metadata": True,
        "type": "realtime",
        "keywords": "lorem, ipsum, dolor",
        "group": "sanitation",
    }
]

DEFINITION_XML: Final = """<?xml version="1.0" encoding="utf-8"?>
<service_definition>
  <service_code>DMV66</service_code>
  <attributes>
    <attribute>
      <variable>true</variable>
      <code>WHISHETN</code>
      <datatype>singlevaluelist</datatype>
      <required>true</required>
      <datatype_description></datatype_description>
      <order>1</order>
      <description>What is the ticket/tag/DL number?</description>
      <values>
        <value>
          <key>123</key>
          <name>Ford</name>
        </value>
      </values>
    </attribute>
  </attributes>
</service_definition>"""

DEFINITION_JSON: Final[dict[str, Any]] = {
    "service_code": "DMV66",
    "attributes": [
        {
            "variable": True,
            "code": "WHISHETN",
            "datatype": "singlevaluelist",
            "required": True,
            "datatype_description": None,
            "order": 1,
            "description": "What is the ticket/tag/DL number?",
            "values": [{"key": 123, "name": "Ford"}],
        }
    ],
}

POSTED_XML: Final = """<?xml version="1.0" encoding="utf-8"?>
<service_requests>
  <request>
    <service_request_id>293944</service_request_id>
    <service_notice>The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code</service_notice>
    <account_id/>
  </request>
</service_requests>"""  # noqa: E501

POSTED_JSON: Final[list[dict[str, Any]]] = [
    {
        "service_request_id": 293944,
        "service_notice": "The City will inspect and require the responsible party to correct "
        "within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public "
        "Works Code",
        "account_id": None,
    }
]

REQUESTS_XML: Final = """<?xml version="1.0" encoding="utf-8"?>
<service_requests>
  <request>
    <service_request_id>638344</service_request_id>
    <status>closed</status>
    <status_notes>Duplicate request.</status_notes>
    <service_name>Sidewalk and Curb Issues</service_name>
    <service_code>006</service_code>
    <description></description>
    <agency_responsible></agency_responsible>
    <service_notice></service_notice>
    <requested_datetime>2010-04-14T06:37:38-08:00</requested_datetime>
    <updated_datetime>2010-04-14T06:37:38-08:00</updated_datetime>
    <expected_datetime>2010-04-15T06:37:38-08:00</expected_datetime>
    <address>8TH AVE and JUDAH ST</address>
    <address_id>545483</address_id>
    <zipcode>94122</zipcode>
    <lat>37.762221815</lat>
    <long>-122.4651145</long>
    <media_url>http://city.gov.s3.amazonaws.com/requests/media/638344.jpg</media_url>
  </request>
</service_requests>"""

REQUESTS_JSON: Final[list[dict[str, Any]]] = [
    {
        "service_request_id": 638344,
        "status": "closed",
        "status_notes": "Duplicate request.",
        "service_name": "Sidewalk and Curb Issues",
        "service_code": "006",
        "description": None,
        "agency_responsible": None,
        "service_notice": None,
        "requested_datetime": "2010-04-14T06:37:38-08:00",
        "updated_datetime": "2010-04-14T06:37:38-08:00",
        "expected_datetime": "2010-04-15T06:37:38-08:00",
        "address": "8TH AVE and JUDAH ST",
        "address_id": 545483,
        "zipcode": 94122,
        "lat": 37.762221815,
        "long": -122.4651145,
        "media_url": "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg",
    }
]

ERRORS_XML: Final = """<?xml version="1.0" encoding="utf-8"?>
<errors>
  <error>
    <code>403</code>
    <description>Invalid api_key received -- can't proceed with create_request.</description>
  </error>
</errors>"""

ERRORS_JSON: Final[list[dict[str, Any]]] = [
    {"code": 403, "description": "Invalid api_key received -- can't proceed with create_request."}
]

DISCOVERY_XML: Final = """<?xml version="1.0" encoding="utf-8"?>
<discovery>
  <changeset>2011-04-05T17:48:34Z</changeset>
  <contact>Please email ( content.311@sfgov.org ) or call ( 415-701-2311 ) for assistance</contact>
  <key_service>To get an API_KEY please visit this website: http://apps.sfgov.org/Open311API/</key_service>
  <endpoints>
    <endpoint>
      <specification>http://wiki.open311.org/GeoReport_v2</specification>
      <url>https://open311.sfgov.org/v2</url>
      <changeset>2011-04-20T17:48:34Z</changeset>
      <type>production</type>
      <formats>
        <format>text/xml</format>
        <format>application/json</format>
      </formats>
    </endpoint>
  </endpoints>
</discovery>"""

DISCOVERY_JSON: Final[dict[str, Any]] = {
    "changeset": "2011-04-05T17:48:34Z",
    "contact": "Please email ( content.311@sfgov.org ) or call ( 415-701-2311 ) for assistance",
    "key_service": "To get an API_KEY please visit this website: http://apps.sfgov.org/Open311API/",
    "endpoints": [
        {
            "specification": "http://wiki.open311.org/GeoReport_v2",
            "url": "https://open311.sfgov.org/v2",
            "changeset": "2011-04-20T17:48:34Z",
            "type": "production",
            "formats": ["text/xml", "application/json"],
        }
    ],
}
