<?xml version="1.0" encoding="UTF-8"?>
<!--
  A feed (/feed.xml, /en/feed.xml, "Diese Suche abonnieren") opened in a browser: a readable page
  that says what the feed is, how to subscribe and what it lists now. Feed readers ignore this
  stylesheet and read the Atom document itself. The language follows the feed's xml:lang.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat"/>
  <xsl:variable name="en" select="/atom:feed/@xml:lang = 'en'"/>
  <xsl:variable name="self" select="/atom:feed/atom:link[@rel = 'self']/@href"/>

  <xsl:template match="/atom:feed">
    <html>
      <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/></title>
        <style>
          body { font: 1rem/1.5 system-ui, sans-serif; color: #1d1d1b; margin: 0; hyphens: auto; overflow-wrap: break-word; }
          main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
          .kind { font-weight: 700; color: #4a4a47; margin-bottom: 0; }
          h1 { font-size: 1.5rem; margin-top: 0.25rem; }
          h2 { font-size: 1.2rem; margin-top: 2rem; }
          .address { display: block; padding: 0.5rem; background: #f5f5f2; border: 1px solid #8a8a85; word-break: break-all; }
          a { color: #0b5a8a; }
          ul { padding-left: 1.2rem; }
          li { margin-bottom: 1rem; }
          .entry-title { font-weight: 700; }
          .entry-meta { color: #4a4a47; font-size: 0.95rem; margin: 0; }
          .entry-summary { margin: 0.2rem 0 0; }
        </style>
      </head>
      <body>
        <main>
          <p class="kind">
            <xsl:choose>
              <xsl:when test="$en">Atom feed: subscribe to it in a feed reader</xsl:when>
              <xsl:otherwise>Atom-Feed: zum Abonnieren in einem Feedreader</xsl:otherwise>
            </xsl:choose>
          </p>
          <h1><xsl:value-of select="atom:title"/></h1>
          <p>
            <xsl:choose>
              <xsl:when test="$en">This page is a feed. Added to a feed reader, it tells you about every new or changed case study it lists, without you visiting the site.</xsl:when>
              <xsl:otherwise>Diese Seite ist ein Feed. In einem Feedreader abonniert, meldet er Ihnen jedes neue oder geänderte Praxisbeispiel, das er enthält, ohne dass Sie die Website besuchen.</xsl:otherwise>
            </xsl:choose>
          </p>
          <h2>
            <xsl:choose>
              <xsl:when test="$en">How to subscribe</xsl:when>
              <xsl:otherwise>So abonnieren Sie den Feed</xsl:otherwise>
            </xsl:choose>
          </h2>
          <ol>
            <li>
              <xsl:choose>
                <xsl:when test="$en">Copy the address of this feed:</xsl:when>
                <xsl:otherwise>Kopieren Sie die Adresse dieses Feeds:</xsl:otherwise>
              </xsl:choose>
              <code class="address"><xsl:value-of select="$self"/></code>
            </li>
            <li>
              <xsl:choose>
                <xsl:when test="$en">Paste it into your feed reader as a new feed or subscription (for example in Thunderbird, Outlook, Feedly or NetNewsWire).</xsl:when>
                <xsl:otherwise>Fügen Sie sie in Ihrem Feedreader als neuen Feed oder neues Abonnement ein (zum Beispiel in Thunderbird, Outlook, Feedly oder NetNewsWire).</xsl:otherwise>
              </xsl:choose>
            </li>
          </ol>
          <p>
            <a href="{atom:link[@rel = 'alternate']/@href}">
              <xsl:choose>
                <xsl:when test="$en">The same case studies on the website</xsl:when>
                <xsl:otherwise>Dieselben Praxisbeispiele auf der Website</xsl:otherwise>
              </xsl:choose>
            </a>
          </p>
          <h2>
            <xsl:choose>
              <xsl:when test="$en">What the feed lists now (<xsl:value-of select="count(atom:entry)"/>)</xsl:when>
              <xsl:otherwise>Was der Feed jetzt enthält (<xsl:value-of select="count(atom:entry)"/>)</xsl:otherwise>
            </xsl:choose>
          </h2>
          <xsl:choose>
            <xsl:when test="atom:entry">
              <ul class="entries"><xsl:apply-templates select="atom:entry"/></ul>
            </xsl:when>
            <xsl:otherwise>
              <p>
                <xsl:choose>
                  <xsl:when test="$en">No case study yet: the feed reader will show new ones as they are published.</xsl:when>
                  <xsl:otherwise>Noch kein Praxisbeispiel: Der Feedreader zeigt neue an, sobald sie veröffentlicht sind.</xsl:otherwise>
                </xsl:choose>
              </p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <a class="entry-title" href="{atom:link[@rel = 'alternate']/@href}"><xsl:value-of select="atom:title"/></a>
      <p class="entry-meta">
        <xsl:choose>
          <xsl:when test="$en">Last changed </xsl:when>
          <xsl:otherwise>Zuletzt geändert am </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="substring(atom:updated, 1, 10)"/>
      </p>
      <xsl:if test="normalize-space(atom:summary)">
        <p class="entry-summary"><xsl:value-of select="atom:summary"/></p>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
