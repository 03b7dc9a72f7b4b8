/// The text of `Formats/schemas/profile.xsd`, compiled into the binary so that an installed
/// `mhub` validates profile XML without the source tree (a test checks the two are equal).
enum ProfileXMLSchemaText {
    static let text = """
<?xml version="1.0" encoding="UTF-8"?>
<!--
  MicrobiomeHub profile XML (mhub-xml): every format_version of profile JSON (1 and 2).

  A profile XML document is the profile document of profile JSON (profile.schema.json),
  written in the XML vocabulary that XPath and XQuery 3.1 define for JSON (functions
  fn:json-to-xml and fn:xml-to-json, namespace http://www.w3.org/2005/xpath-functions):
  <map>, <array>, <string>, <number>, <boolean> and <null>, each member of a map carrying
  its name in a "key" attribute. fn:xml-to-json turns a profile XML document into its
  profile JSON, and the hub reads and writes both with the same field mapping.

  This schema checks the vocabulary: which elements may nest, that every member of a map
  has a key and no two members share one, that items of an array have none, and the
  lexical form of numbers (RFC 8259) and booleans. Which keys a profile holds, and their
  values, are profile.schema.json's; the hub checks them on import.
-->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:j="http://www.w3.org/2005/xpath-functions"
           targetNamespace="http://www.w3.org/2005/xpath-functions"
           elementFormDefault="qualified">

  <!-- The document element: the profile, a map without a key. -->
  <xs:element name="map" type="j:map">
    <xs:unique name="top-keys-unique">
      <xs:selector xpath="*"/>
      <xs:field xpath="@key"/>
    </xs:unique>
  </xs:element>

  <!-- A number as JSON writes it: 120 is an integer, 120.0 and 1e-05 are not. -->
  <xs:simpleType name="number-text">
    <xs:restriction base="xs:string">
      <xs:pattern value="-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+\\-]?[0-9]+)?"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="boolean-text">
    <xs:restriction base="xs:string">
      <xs:enumeration value="true"/>
      <xs:enumeration value="false"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:complexType name="empty"/>

  <!-- Members of a map: each carries a key, unique within the map. -->
  <xs:complexType name="map">
    <xs:choice minOccurs="0" maxOccurs="unbounded">
      <xs:element name="map" type="j:keyed-map">
        <xs:unique name="map-keys-unique">
          <xs:selector xpath="*"/>
          <xs:field xpath="@key"/>
        </xs:unique>
      </xs:element>
      <xs:element name="array" type="j:keyed-array"/>
      <xs:element name="string" type="j:keyed-string"/>
      <xs:element name="number" type="j:keyed-number"/>
      <xs:element name="boolean" type="j:keyed-boolean"/>
      <xs:element name="null" type="j:keyed-null"/>
    </xs:choice>
  </xs:complexType>

  <!-- Items of an array: no keys. -->
  <xs:complexType name="array">
    <xs:choice minOccurs="0" maxOccurs="unbounded">
      <xs:element name="map" type="j:map">
        <xs:unique name="item-keys-unique">
          <xs:selector xpath="*"/>
          <xs:field xpath="@key"/>
        </xs:unique>
      </xs:element>
      <xs:element name="array" type="j:array"/>
      <xs:element name="string" type="xs:string"/>
      <xs:element name="number" type="j:number-text"/>
      <xs:element name="boolean" type="j:boolean-text"/>
      <xs:element name="null" type="j:empty"/>
    </xs:choice>
  </xs:complexType>

  <xs:complexType name="keyed-map">
    <xs:complexContent>
      <xs:extension base="j:map">
        <xs:attribute name="key" type="xs:string" use="required"/>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>

  <xs:complexType name="keyed-array">
    <xs:complexContent>
      <xs:extension base="j:array">
        <xs:attribute name="key" type="xs:string" use="required"/>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>

  <xs:complexType name="keyed-string">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute name="key" type="xs:string" use="required"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>

  <xs:complexType name="keyed-number">
    <xs:simpleContent>
      <xs:extension base="j:number-text">
        <xs:attribute name="key" type="xs:string" use="required"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>

  <xs:complexType name="keyed-boolean">
    <xs:simpleContent>
      <xs:extension base="j:boolean-text">
        <xs:attribute name="key" type="xs:string" use="required"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>

  <xs:complexType name="keyed-null">
    <xs:attribute name="key" type="xs:string" use="required"/>
  </xs:complexType>
</xs:schema>

"""
}
