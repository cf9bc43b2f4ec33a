package io.webprobe.crawl;

/** Something a running crawl reports: a finished URL or a broken link. Immutable. */
public sealed interface CrawlEvent permits CrawlResult, BrokenLink {}
