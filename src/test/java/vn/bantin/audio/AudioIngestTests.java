package vn.bantin.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.bantin.BantinWebTest;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.account.TestApiTokens;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemStatus;
import vn.bantin.content.ItemView;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.media.FfmpegBinary;
import vn.bantin.media.FfmpegLocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Ingest in the whole application: uploads through the API and the admin pages, the
 * background workers, refusals that leave nothing behind, speech cached by its hash, the
 * content folder's recording, and queued rows resumed after a stop. Real ffmpeg and real
 * files made by the test; the output is measured independently.
 */
@BantinWebTest
@TestPropertySource(properties = { "bantin.radio.max-upload-size=3MB", "bantin.radio.max-duration=40s",
		"bantin.radio.speech-command=espeak-ng" })
class AudioIngestTests {

	private static final AtomicInteger counter = new AtomicInteger();

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	@TempDir
	static Path dir;

	static Path speech;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApiTokens tokens;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestItems items;

	@Autowired
	ItemCatalog catalog;

	@Autowired
	RadioAudio radioAudio;

	@Autowired
	UploadIntake uploads;

	@Autowired
	SpeechQueue speechQueue;

	@Autowired
	ContentRecordings contentRecordings;

	@Autowired
	AudioWorkers workers;

	@Autowired
	RecordingStore store;

	@Autowired
	AudioFolder folder;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FfmpegLocator ffmpeg;

	@BeforeAll
	static void speech() throws Exception {
		speech = TestRecordings.speech(dir, "speech", 6);
	}

	@Test
	void anUploadIsAcceptedThenProcessedInTheBackgroundToTheTarget() throws Exception {
		String item = radioItem("Thông báo lịch tiêm chủng tháng 12", null);
		String token = this.tokens.token(Role.EDITOR);
		byte[] mp3 = Files.readAllBytes(TestRecordings.encode(speech, dir, "mp3"));
		String body = this.mvc
			.perform(multipart("/api/items/{id}/audio", item)
				.file(new MockMultipartFile("file", "Ghi âm thông báo.mp3", "audio/mpeg", mp3))
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("queued"))
			.andExpect(header().string("Location", containsString("/api/audio/")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		assertThat((String) JsonPath.read(body, "$.location")).isEqualTo("/api/audio/" + id);

		await().atMost(PATIENCE).until(() -> statusOf(id, token).equals("ready"));
		this.mvc.perform(TestApiTokens.as(get("/api/audio/{id}", id), token))
			.andExpect(jsonPath("$.progress").value(100))
			.andExpect(jsonPath("$.format").value("mp3"))
			.andExpect(jsonPath("$.source").value("upload"))
			.andExpect(jsonPath("$.synthetic").value(false))
			.andExpect(jsonPath("$.originalName").value("Ghi âm thông báo.mp3"))
			.andExpect(jsonPath("$.before.loudness").isNumber())
			.andExpect(jsonPath("$.before.truePeak").isNumber())
			.andExpect(jsonPath("$.after.loudness").isNumber())
			.andExpect(jsonPath("$.after.duration").isNumber())
			.andExpect(jsonPath("$.normalization").value("linear"));

		// the upload made a new revision: it airs once that is approved
		assertThat(this.radioAudio.forItem(item(item))).isEmpty();
		this.items.approve(item);
		Recording recording = this.radioAudio.forItem(item(item)).orElseThrow();
		assertThat(recording.id()).isEqualTo(id);
		assertThat(recording.synthetic()).isFalse();
		assertThat(this.radioAudio.find(id)).contains(recording);
		AudioPipelineTests.assertBroadcastReady(recording.file());
		assertThat(recording.sha256()).isEqualTo(AudioFolder.sha256(recording.file()));
		assertThat(TestRecordings.tags(recording.file())).contains("title=Thông báo lịch tiêm chủng tháng 12");
		try (Stream<Path> files = Files.list(recording.file().getParent())) {
			assertThat(files.map((f) -> f.getFileName().toString())).containsExactlyInAnyOrder("ghi-am-thong-bao.mp3",
					"original-ghi-am-thong-bao.mp3");
		}
	}

	@Test
	void refusedUploadsAnswerWithTheReasonAndLeaveNoFilesAndNoReadyRow() throws Exception {
		// on the web only: approving a radio item would queue its speech too
		String item = this.items.approved("tin-web-" + counter.incrementAndGet(), "Bản tin bị từ chối", List.of(),
				List.of(), Priority.NORMAL, Set.of(Channel.WEB), null);
		String token = this.tokens.token(Role.OPERATOR);
		byte[] jpeg = Files.readAllBytes(jpeg());
		upload(item, token, "anh.mp3", jpeg).andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail").value(containsString("không phải âm thanh")));
		upload(item, token, "van-ban.mp3", "Không phải âm thanh".repeat(100).getBytes())
			.andExpect(status().isUnsupportedMediaType());
		upload(item, token, "rong.mp3", new byte[0]).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Tệp rỗng: không có dữ liệu nào."));
		upload(item, token, "lon.wav", new byte[4 * 1024 * 1024]).andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value("Tệp quá lớn: tối đa 3 MB."));
		Path longOne = TestRecordings.speech(dir, "long", 45);
		upload(item, token, "dai.mp3",
				Files.readAllBytes(TestRecordings.encode(longOne, Files.createDirectories(dir.resolve("long")), "mp3")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("quá thời lượng cho phép 0:40")));
		byte[] m4a = Files.readAllBytes(TestRecordings.encode(speech, dir, "m4a"));
		upload(item, token, "cut.m4a", java.util.Arrays.copyOf(m4a, m4a.length / 2)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("bị hỏng")));
		upload("khong-co-ban-tin-nay", token, "a.mp3", m4a).andExpect(status().isNotFound());

		// silence passes the quick check and fails in the background
		String body = upload(item, token, "lang.wav",
				Files.readAllBytes(TestRecordings.silence(dir.resolve("lang.wav"), 4)))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long silent = ((Number) JsonPath.read(body, "$.id")).longValue();
		await().atMost(PATIENCE).until(() -> statusOf(silent, token).equals("failed"));
		this.mvc.perform(TestApiTokens.as(get("/api/audio/{id}", silent), token))
			.andExpect(jsonPath("$.error").value("lang.wav: Tệp chỉ có khoảng lặng, không có tiếng."));

		List<AudioProcessing> rows = this.store.forItem(item);
		assertThat(rows).hasSize(7).allSatisfy((p) -> {
			assertThat(p.status()).isEqualTo(AudioProcessing.Status.FAILED);
			assertThat(p.error()).isNotBlank();
			assertThat(Files.exists(this.folder.root().resolve(String.valueOf(p.id())))).isFalse();
		});
		assertThat(this.radioAudio.forItem(item(item))).isEmpty();
		await().atMost(PATIENCE).untilAsserted(() -> {
			try (Stream<Path> incoming = Files.list(this.folder.root().resolve("incoming"))) {
				assertThat(incoming.filter((f) -> !f.getFileName().toString().startsWith("script")))
					.as("nothing half-written is kept")
					.isEmpty();
			}
		});
	}

	@Test
	void speechIsRenderedOncePerScriptAndSettingsAndARecordingIsPreferred() throws Exception {
		String item = radioItem("Lịch thu gom rác", "UBND xã thông báo lịch thu gom rác vào 7h30 thứ hai.");
		MockHttpSession operator = this.accounts.signedIn(Role.OPERATOR);
		if (!TestRecordings.espeak()) {
			this.mvc.perform(post("/admin/radio/audio/items/{id}/speech", item).session(operator).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
					.string(containsString("Máy này không có giọng đọc tự động.")));
			return;
		}
		// approving the radio item queued its speech already; asking again gives the same
		// one
		await().atMost(PATIENCE).until(() -> !this.store.forItem(item).isEmpty());
		long first = this.store.forItem(item).get(0).id();
		String location = this.mvc
			.perform(post("/admin/radio/audio/items/{id}/speech", item).session(operator).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).isEqualTo("/admin/radio/audio/" + first);
		await().atMost(PATIENCE)
			.until(() -> this.store.find(first).orElseThrow().status() == AudioProcessing.Status.READY);
		AudioProcessing done = this.store.find(first).orElseThrow();
		assertThat(done.synthetic()).isTrue();
		assertThat(done.source()).isEqualTo(AudioProcessing.Source.SPEECH);
		assertThat(done.cacheKey()).startsWith("speech:");
		Recording synthetic = this.radioAudio.forItem(item(item)).orElseThrow();
		assertThat(synthetic.synthetic()).isTrue();
		AudioPipelineTests.assertBroadcastReady(synthetic.file());

		// the same text and settings: nothing new is rendered
		assertThat(this.speechQueue.speech(item(item), "again")).isEqualTo(first);
		assertThat(this.store.forItem(item)).hasSize(1);

		// a real recording wins over the synthetic voice
		String token = this.tokens.token(Role.EDITOR);
		String body = upload(item, token, "that.wav", Files.readAllBytes(speech)).andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long recorded = ((Number) JsonPath.read(body, "$.id")).longValue();
		await().atMost(PATIENCE).until(() -> statusOf(recorded, token).equals("ready"));
		this.items.approve(item);
		assertThat(this.radioAudio.forItem(item(item)).orElseThrow().id()).isEqualTo(recorded);
	}

	@Test
	void aNewRecordingOnAnApprovedItemAirsOnlyOnceTheRevisionCarryingItIsApproved() throws Exception {
		String item = radioItem("Thông báo phun thuốc diệt muỗi", null);
		assertThat(item(item).approvedRevision()).isEqualTo(1);
		String operator = this.tokens.token(Role.OPERATOR);
		String approver = this.tokens.token(Role.APPROVER);

		long first = uploaded(item, operator, "Lần một.mp3",
				Files.readAllBytes(TestRecordings.encode(speech, dir, "mp3")));
		ItemView afterFirst = item(item);
		assertThat(afterFirst.status()).as("a recording is a change like an edit").isEqualTo(ItemStatus.SUBMITTED);
		assertThat(afterFirst.revision()).isEqualTo(2);
		await().atMost(PATIENCE).until(() -> statusOf(first, operator).equals("ready"));
		assertThat(this.radioAudio.forItem(item(item))).as("not approved: it never airs").isEmpty();

		approveApi(item, 2, approver).andExpect(status().isOk());
		assertThat(this.radioAudio.forItem(item(item)).orElseThrow().id()).isEqualTo(first);

		// a second recording on the approved item: the first keeps being the approved one
		Path shorter = TestRecordings.speech(dir, "lan-hai", 3);
		long second = uploaded(item, operator, "Lần hai.wav", Files.readAllBytes(shorter));
		await().atMost(PATIENCE).until(() -> statusOf(second, operator).equals("ready"));
		ItemView pending = item(item);
		assertThat(pending.status()).isEqualTo(ItemStatus.SUBMITTED);
		assertThat(pending.revision()).isEqualTo(3);
		assertThat(this.radioAudio.forItem(pending).orElseThrow().id()).as("never the recording waiting for approval")
			.isEqualTo(first);

		// the approver hears both, with their durations and loudness, before approving
		MockHttpSession page = this.accounts.signedIn(Role.APPROVER);
		this.mvc.perform(get("/admin/radio/audio/items/{id}", item).session(page))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-recording=\"" + first + "\"")))
			.andExpect(content().string(containsString("data-recording=\"" + second + "\"")))
			.andExpect(content().string(containsString("/admin/radio/audio/" + second + "/broadcast.mp3")))
			.andExpect(content().string(containsString("Chờ phê duyệt")))
			.andExpect(content().string(containsString(" LUFS")))
			.andExpect(content().string(not(containsString("action=\"/admin/radio/audio/items/" + item + "/upload"))));
		this.mvc.perform(get("/admin/radio/audio/{id}/broadcast.mp3", second).session(page))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "audio/mpeg"));
		this.mvc.perform(get("/admin/items/{id}", item).session(page))
			.andExpect(content().string(containsString("since=2")));

		approveApi(item, 2, approver).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("changed"));
		approveApi(item, 3, approver).andExpect(status().isOk());
		assertThat(this.radioAudio.forItem(item(item)).orElseThrow().id()).isEqualTo(second);
	}

	@Test
	void aRecordingForAnArchivedItemIsRefusedAndChangesNothing() throws Exception {
		String item = radioItem("Tin đã lưu trữ", null);
		String editor = this.tokens.token(Role.EDITOR);
		this.mvc.perform(TestApiTokens.as(post("/api/items/{id}/archive", item), editor));
		int revision = item(item).revision();
		upload(item, editor, "muon.mp3", Files.readAllBytes(TestRecordings.encode(speech, dir, "mp3")))
			.andExpect(status().isBadRequest());
		assertThat(item(item).revision()).isEqualTo(revision);
		assertThat(item(item).status()).isEqualTo(ItemStatus.ARCHIVED);
	}

	private long uploaded(String item, String token, String name, byte[] bytes) throws Exception {
		String body = upload(item, token, name, bytes).andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private org.springframework.test.web.servlet.ResultActions approveApi(String item, int revision, String token)
			throws Exception {
		return this.mvc.perform(TestApiTokens.as(post("/api/items/{id}/approve", item), token)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"revision\": " + revision + "}"));
	}

	@Test
	void theContentFolderRecordingIsTakenInOncePerVersion() throws Exception {
		ItemView item = this.catalog.item("chuyen-muc-cchc-tren-dai-truyen-thanh").orElseThrow();
		await().atMost(PATIENCE).until(() -> this.radioAudio.forItem(item).isPresent());
		Recording recording = this.radioAudio.forItem(item).orElseThrow();
		AudioProcessing processing = this.store.find(recording.id()).orElseThrow();
		assertThat(processing.source()).isEqualTo(AudioProcessing.Source.CONTENT_FILE);
		assertThat(processing.originalName()).isEqualTo("media/ban-tin-cchc-dai-truyen-thanh.mp3");
		assertThat(processing.cacheKey()).startsWith("file:");
		AudioPipelineTests.assertBroadcastReady(recording.file());
		assertThat(this.contentRecordings.takeIn(item)).isEmpty();
	}

	@Test
	void processingsInterruptedByAStopAreResumedAtTheNextStart() throws Exception {
		String item = radioItem("Bản tin sau khi khởi động lại", null);
		this.workers.stop();
		long id;
		try (var input = Files.newInputStream(TestRecordings.encode(speech, dir, "ogg"))) {
			id = this.uploads.upload(item, "ghi-am.ogg", input, "tester");
		}
		// as a crash leaves it: taken by a worker, never finished
		this.jdbc.update(
				"UPDATE radio_audio SET status = 'PROCESSING', stage = 'normalising', progress = 40 WHERE id = ?", id);
		assertThat(this.store.find(id).orElseThrow().status()).isEqualTo(AudioProcessing.Status.PROCESSING);
		this.workers.start();
		await().atMost(PATIENCE)
			.until(() -> this.store.find(id).orElseThrow().status() == AudioProcessing.Status.READY);
		AudioPipelineTests.assertBroadcastReady(this.radioAudio.find(id).orElseThrow().file());
	}

	@Test
	void theAdminPagesListProcessingsAndFollowOneWithoutScript() throws Exception {
		String item = radioItem("Thông báo họp dân thôn 3", null);
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		this.mvc.perform(get("/admin/radio/audio/items/{id}", item).session(editor))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("enctype=\"multipart/form-data\"")));
		String location = this.mvc
			.perform(
					multipart("/admin/radio/audio/items/{id}/upload", item)
						.file(new MockMultipartFile("file", "họp dân.flac", "audio/flac",
								Files.readAllBytes(TestRecordings.encode(speech, dir, "flac"))))
						.session(editor)
						.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/admin/radio/audio/\\d+");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		this.mvc.perform(get(location).session(editor))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("<progress")));
		await().atMost(PATIENCE)
			.until(() -> this.store.find(id).orElseThrow().status() == AudioProcessing.Status.READY);
		this.mvc.perform(get(location + ".json").session(editor))
			.andExpect(jsonPath("$.status").value("ready"))
			.andExpect(jsonPath("$.after.loudness").value(org.hamcrest.Matchers.closeTo(-16.0, 1.0)));
		this.mvc.perform(get(location).session(editor))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.not(containsString("http-equiv=\"refresh\""))));
		this.mvc.perform(get("/admin/radio/audio").session(editor))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("Thông báo họp dân thôn 3")));
		this.mvc.perform(get(location + "/broadcast.mp3").session(editor))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "audio/mpeg"));
		this.mvc.perform(get("/admin/radio/audio").session(this.accounts.signedIn(Role.APPROVER)))
			.andExpect(status().isForbidden());
	}

	@Test
	void theAudioPageShowsWhichFfmpegProcessesTheRecordings() throws Exception {
		FfmpegBinary ffmpeg = this.ffmpeg.binary();
		// the application takes the ffmpeg that auto chooses on this machine: Debian's on
		// CI, which the pipeline tests run on too
		assertThat(ffmpeg).isEqualTo(TestRecordings.FFMPEG.binary());
		String origin = (ffmpeg.origin() == FfmpegBinary.Origin.SYSTEM) ? "của hệ thống" : "bản đóng gói sẵn";
		this.mvc.perform(get("/admin/radio/audio").session(this.accounts.signedIn(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("ffmpeg " + ffmpeg.version() + " (" + origin)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("<code>" + ffmpeg.path() + "</code>")));
	}

	@Test
	void theOpenApiDocumentListsTheAudioEndpoints() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/items/{id}/audio'].post").exists())
			.andExpect(jsonPath("$.paths['/api/audio/{id}'].get").exists());
	}

	private org.springframework.test.web.servlet.ResultActions upload(String item, String token, String name,
			byte[] bytes) throws Exception {
		return this.mvc.perform(multipart("/api/items/{id}/audio", item)
			.file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
			.header("Authorization", "Bearer " + token));
	}

	private String statusOf(long id, String token) throws Exception {
		return JsonPath.read(this.mvc.perform(TestApiTokens.as(get("/api/audio/{id}", id), token))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.status");
	}

	private String radioItem(String title, String script) {
		String id = "tin-radio-" + counter.incrementAndGet() + "-" + System.nanoTime();
		return this.items.approved(id, title, List.of(), List.of(), Priority.NORMAL, Set.of(Channel.RADIO), script);
	}

	private ItemView item(String id) {
		return this.catalog.item(id).orElseThrow();
	}

	private static Path jpeg() throws Exception {
		Path jpeg = dir.resolve("anh.jpg");
		TestRecordings.ffmpeg("-f", "lavfi", "-i", "color=c=red:s=64x64", "-frames:v", "1", "-f", "mjpeg",
				jpeg.toString());
		return jpeg;
	}

}
