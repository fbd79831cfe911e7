package vn.bantin.site;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.bantin.commune.Communes;
import vn.bantin.commune.ProvinceSettings;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemQuery;
import vn.bantin.content.ItemView;
import vn.bantin.system.CommuneTenancy;
import vn.bantin.system.CurrentCommune;

/**
 * The province's own public pages, where no commune answers: the portal on the province
 * host (the communes with links, the latest items of every commune each marked with its
 * commune, and its RSS and Atom feeds), and the plain list of the communes any unknown
 * host is shown instead of some commune's site. The commune filter sends the requests
 * here; on a commune's host these paths do not exist.
 *
 * <p>
 * The latest items are picked across every commune ({@link CurrentCommune#acrossAll}),
 * only those published on the web that residents may see now, never a draft or an item
 * waiting for approval; an archived commune's items are left out.
 */
@Controller
@RequestMapping("/province")
class ProvincePortalController {

	private static final int LATEST = 20;

	private final Communes communes;

	private final ItemCatalog catalog;

	private final ProvinceSettings province;

	private final MessageSource messages;

	private final Clock clock;

	ProvincePortalController(Communes communes, ItemCatalog catalog, ProvinceSettings province, MessageSource messages,
			Clock clock) {
		this.communes = communes;
		this.catalog = catalog;
		this.province = province;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String portal(Model model) {
		List<Communes.CommuneSummary> all = this.communes.all();
		model.addAttribute("provinceName", provinceName());
		model.addAttribute("communes", all.stream().map(ProvincePortalController::link).toList());
		model.addAttribute("latest", latest(all));
		return "site/province";
	}

	/**
	 * The communes alone: what a host no commune answers on shows, 200 at its root and
	 * 404 for any other page.
	 */
	@RequestMapping("/communes")
	String communes(HttpServletRequest request, HttpServletResponse response, Model model) {
		Object original = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
		if (response.getStatus() == HttpServletResponse.SC_NOT_FOUND || (original != null && !"/".equals(original))) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
		model.addAttribute("provinceName", provinceName());
		model.addAttribute("communes", this.communes.all().stream().map(ProvincePortalController::link).toList());
		model.addAttribute("latest", List.of());
		return "site/province";
	}

	@GetMapping("/rss.xml")
	void rss(HttpServletResponse response) throws IOException {
		feed(FeedWriter.RSS, response);
	}

	@GetMapping("/atom.xml")
	void atom(HttpServletResponse response) throws IOException {
		feed(FeedWriter.ATOM, response);
	}

	private void feed(String type, HttpServletResponse response) throws IOException {
		List<Communes.CommuneSummary> all = this.communes.all();
		List<Latest> latest = latest(all);
		String site = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString().replaceAll("/+$", "");
		String self = site + "/province/" + (FeedWriter.RSS.equals(type) ? "rss.xml" : "atom.xml");
		String name = provinceName();
		FeedWriter.Channel channel = new FeedWriter.Channel(name,
				this.messages.getMessage("feed.description", new Object[] { name }, FeedController.FEED_LOCALE), site,
				self, null, name);
		List<FeedWriter.Entry> entries = latest.stream()
			.map((entry) -> new FeedWriter.Entry(entry.item(), Optional.empty(), entry.commune().site()))
			.toList();
		response.setContentType(FeedWriter.RSS.equals(type) ? FeedController.RSS_TYPE : FeedController.ATOM_TYPE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Instant updated = latest.isEmpty() ? null : latest.get(0).item().publishedAt();
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		FeedWriter.write(type, channel, entries, updated, out);
		out.flush();
	}

	/** The newest items residents may see, of the communes not archived. */
	private List<Latest> latest(List<Communes.CommuneSummary> all) {
		Map<Long, CommuneLink> links = all.stream()
			.collect(Collectors.toMap(Communes.CommuneSummary::id, ProvincePortalController::link));
		Instant now = this.clock.instant();
		List<ItemView> picked = CurrentCommune.acrossAll(() -> this.catalog
			.published(new ItemQuery(null, null, null, Channel.WEB, null, null), now, 0, LATEST * 2)
			.getContent());
		return picked.stream()
			.filter((item) -> item.visibleAt(now, Channel.WEB))
			.filter((item) -> links.containsKey(communeOf(item.id())))
			.limit(LATEST)
			.map((item) -> new Latest(item, links.get(communeOf(item.id())), CommuneTenancy.slug(item.id())))
			.toList();
	}

	/** The commune of an item key: {@code <id>~<slug>}, or the default commune's slug. */
	static long communeOf(String key) {
		int separator = key.indexOf(CommuneTenancy.KEY_SEPARATOR);
		if (separator < 0) {
			return CurrentCommune.DEFAULT;
		}
		try {
			return Long.parseLong(key.substring(0, separator));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private String provinceName() {
		return Optional.ofNullable(this.province.province())
			.map(ProvinceSettings.Province::name)
			.filter(StringUtils::hasText)
			.orElseGet(() -> this.messages.getMessage("province.name", null, FeedController.FEED_LOCALE));
	}

	private static CommuneLink link(Communes.CommuneSummary commune) {
		String site = StringUtils.hasText(commune.websiteUrl()) ? commune.websiteUrl().replaceAll("/+$", "")
				: commune.hosts().stream().findFirst().map((host) -> "http://" + host).orElse("");
		return new CommuneLink(commune.key(), commune.name(), site);
	}

	/** A commune as the province's pages link to it. */
	record CommuneLink(String key, String name, String site) {
	}

	/**
	 * A latest item with the commune it belongs to, and its slug on that commune's site.
	 */
	record Latest(ItemView item, CommuneLink commune, String slug) {
	}

}
