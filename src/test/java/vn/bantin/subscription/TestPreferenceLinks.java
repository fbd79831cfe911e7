package vn.bantin.subscription;

import java.net.URI;

import org.springframework.boot.test.context.TestComponent;

/**
 * Lets tests of other modules hold a valid preference link without reading it from a
 * mailbox: made as the mail's link is, it revokes every older link of the subscriber.
 * {@code @Import(TestPreferenceLinks.class)} and autowire it.
 */
@TestComponent
public class TestPreferenceLinks {

	private final PreferenceGenerations generations;

	private final MailLinks links;

	TestPreferenceLinks(PreferenceGenerations generations, MailLinks links) {
		this.generations = generations;
		this.links = links;
	}

	/** A new link to the preference page of this (confirmed) subscriber. */
	public URI link(long subscriberId) {
		return this.links.preferences(subscriberId, this.generations.revoke(subscriberId).orElseThrow());
	}

}
