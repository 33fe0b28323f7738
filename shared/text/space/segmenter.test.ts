import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createSegmenter, type Segmenter } from './segmenter.ts';

let segmenter: Segmenter;

beforeAll(() => {
  segmenter = createSegmenter();
});

const withoutWhitespace = (text: string): string => text.replace(/\s+/gu, '');

describe('createSegmenter', () => {
  test('splits run-together words and adds a space after run-on punctuation', () => {
    expect(segmenter.segment('Thequickbrownfox jumped,overthelazydog.')).toBe('The quick brown fox jumped, over the lazy dog.');
  });

  test('keeps existing spaces, tabs and line breaks exactly', () => {
    expect(segmenter.segment('  Hello  world\n\nthisisatest\r\n\tdone \n')).toBe('  Hello  world\n\nthis is a test\r\n\tdone \n');
    expect(segmenter.segment('')).toBe('');
    expect(segmenter.segment(' \n\t ')).toBe(' \n\t ');
  });

  test('restores the original case of every letter', () => {
    expect(segmenter.segment('HelloWorld')).toBe('Hello World');
    expect(segmenter.segment('THEQUICKBROWNFOX')).toBe('THE QUICK BROWN FOX');
    expect(segmenter.segment('IloveNewYorkcity')).toBe('I love New York city');
    expect(segmenter.segment('Thenaïvecustomerlovesthecafé')).toBe('The naïve customer loves the café');
  });

  test('leaves URLs, e-mails, mentions, hashtags, paths and numbers intact', () => {
    const inputs = [
      'Visit https://example.com/thequickbrownfox?a=1,b=2 or www.helloworld.com, please.',
      'Mail john.doe@example.com or jane_doe@mail.example.org today.',
      'Ping @thequickbrownfox about #throwbackthursday now.',
      'Open /usr/local/thequickbrownfox or C:\\Users\\helloworld\\file.txt or snake_case_name.',
      'At 7:30pm pi is 3.14, and 1,000,000 people paid $9.99; version 2.0.1 ships.',
      'Abbreviations e.g. this, i.e. that, the U.S. economy and example.com stay.',
    ];
    for (const input of inputs) expect(segmenter.segment(input)).toBe(input);
  });

  test('spaces after run-on punctuation only between words', () => {
    expect(segmenter.segment('Hello!How are you?Fine;thanks:bye')).toBe('Hello! How are you? Fine; thanks: bye');
    expect(segmenter.segment('It ended.Then we left.')).toBe('It ended. Then we left.');
    expect(segmenter.segment('the file.txt and the U.S.Army')).toBe('the file.txt and the U.S.Army');
  });

  test('never splits at an apostrophe', () => {
    expect(segmenter.segment("don'tknow father'sbook it’sgood")).toBe("don't know father's book it’s good");
    expect(segmenter.segment("o'clock O'Brien couldn't")).toBe("o'clock O'Brien couldn't");
  });

  test('keeps unknown names and misspelt words whole', () => {
    const input = 'Zelensky met Tchaikovsky and Nietzsche; goverment wrold recieve definately.';
    expect(segmenter.segment(input)).toBe(input);
  });

  test('keeps a token someone typed between spaces or punctuation whole unless it is clearly run together', () => {
    // Real input from the home page, and well-spaced words the list lacks.
    const inputs = [
      'emoji 😀',
      '<img src=x',
      'emoji',
      'img',
      'html',
      'npm',
      'Zelensky',
      'selfie',
      'I use html, npm and emoji; Zelensky took a selfie.',
      'Open the <img> tag (html) with npm.',
    ];
    for (const input of inputs) expect(segmenter.segment(input)).toBe(input);
    // Long delimited runs are still split.
    expect(segmenter.segment('thequickbrownfox')).toBe('the quick brown fox');
    expect(segmenter.segment('read this: thequickbrownfox, ok')).toBe('read this: the quick brown fox, ok');
    expect(segmenter.segment('I said,itwasthebestoftimes.')).toBe('I said, it was the best of times.');
  });

  test('a name glued to a bracket that closes in the same token is a call, not prose', () => {
    const inputs = ['alert(2)', 'f(x) = 2', 'alert(2); f(g(x))', 'the item(s) you chose', 'arr[0] and print("hi");', 'run foo() now', 'x = 2(3)'];
    for (const input of inputs) expect(segmenter.segment(input)).toBe(input);
    // Prose run on into a parenthesis still gets its space.
    expect(segmenter.segment('better(muchbetter)today')).toBe('better (much better) today');
    expect(segmenter.segment('it was better(much better) today')).toBe('it was better (much better) today');
    expect(segmenter.segment('itwasbetter(muchbetter).')).toBe('it was better (much better).');
  });

  test('copies markup and assignments as they are, and closes a straight quote that quotes nothing', () => {
    const inputs = ['<img src=x onerror="window.__pwned = 2; alert(2)">', 'alert(2)">', 'onerror=alert(1)', '<b>bold</b>', 'a<b and c>d', 'x="1"', 'print("hi")."'];
    for (const input of inputs) expect(segmenter.segment(input)).toBe(input);
    expect(segmenter.segment('shesaid"yes".')).toBe('she said "yes".');
    expect(segmenter.segment('itwas"fine",shesaid')).toBe('it was "fine", she said');
  });

  test('returns well-spaced English unchanged', () => {
    const inputs = [
      'The quick brown fox jumps over the lazy dog.',
      "I don't think we'll make it before nine o'clock, do you?",
      'Together, nowhere and atone are single words; so is therapist.',
      'She said: "Please send the invoice by Friday." Then she left.',
      'Dr. Smith moved to Washington in 2019 — and never looked back!',
      'Well-known, state-of-the-art results (see section 4.2) were reproduced.',
    ];
    for (const input of inputs) expect(segmenter.segment(input)).toBe(input);
  });

  test('only ever inserts spaces', () => {
    const inputs = [
      'Thequickbrownfox 😀jumped,over👍🏽thelazydog.',
      '日本語のテキストとEnglishtextmixed 中文字符',
      'Cafébarandnaïvetéareaccented, Привет мир, Ελληνικάtext',
      "rock'n'rollisdead don’tstop...wait!!!ok??yes",
      'a\u0301b\u0301c combining marks 𝒳𝒴𝒵 and emoji👨‍👩‍👧familyphoto',
      '   leading\ttabs\r\nand CRLF linesendinghere   ',
    ];
    for (const input of inputs) {
      expect(withoutWhitespace(segmenter.segment(input))).toBe(withoutWhitespace(input));
    }
  });

  test('segments a fixed set of run-together phrases accurately', () => {
    const cases: Array<[string, string]> = [
      ['thisisatest', 'this is a test'],
      ['Iwenttothestoreyesterday', 'I went to the store yesterday'],
      ['itwasthebestoftimesitwastheworstoftimes', 'it was the best of times it was the worst of times'],
      ['thankyouverymuchforyourhelp', 'thank you very much for your help'],
      ['doyouknowwhattimeitis', 'do you know what time it is'],
      ['mynameisjohnandilikepizza', 'my name is john and i like pizza'],
      ['thisproductisgreatbutshippingwasslow', 'this product is great but shipping was slow'],
      ['Isawamanwithatelescope', 'I saw a man with a telescope'],
      ['theweatherisnicetoday', 'the weather is nice today'],
      ['whereisthenearesttrainstation', 'where is the nearest train station'],
      ['canyoubelieveit', 'can you believe it'],
      ['Kubernetesclusterisdown', 'Kubernetes cluster is down'],
      ['Pleasesendmetheinvoicebyfriday', 'Please send me the invoice by friday'],
      ['wewillmeetatthecoffeeshopnearthestation', 'we will meet at the coffee shop near the station'],
    ];
    const correct = cases.filter(([input, expected]) => segmenter.segment(input) === expected).length;
    expect(correct / cases.length).toBeGreaterThanOrEqual(0.85);
  });

  test('puts spaces around punctuation and quotes as a writer would', () => {
    expect(segmenter.segment('"Yes,allofthem,Ithink."saidJane,"andyou?"')).toBe('"Yes, all of them, I think." said Jane, "and you?"');
    expect(segmenter.segment('Shereplied:"Youneednotbefrightened.')).toBe('She replied: "You need not be frightened.');
    expect(segmenter.segment('OnMr.andMrs.Smith\'scomingupwelefttheroom.')).toBe("On Mr. and Mrs. Smith's coming up we left the room.");
    expect(segmenter.segment('Oh!yes--itwouldbebetter(muchbetter)todayandtomorrow.')).toBe('Oh! yes--it would be better (much better) today and tomorrow.');
  });

  test('uses the neighbouring words to choose between splits', () => {
    expect(segmenter.segment('thefarmersoldhiscow')).toBe('the farmer sold his cow');
    expect(segmenter.segment('wewouldbeatthestationbynoon')).toBe('we would be at the station by noon');
    // A pair the list shows to be rare ("i the") is not made likely by how common its second word is.
    expect(segmenter.segment('aboutithecaredlittle')).toBe('about it he cared little');
    expect(segmenter.segment('yetithemustgo')).toBe('yet it he must go');
  });

  test('keeps capitalised names whole and starts a word at a capital', () => {
    expect(segmenter.segment('ImetZelenskyandMrsThatcherinLondon')).toBe('I met Zelensky and Mrs Thatcher in London');
  });

  test('possessives stay on their word, with or without the apostrophe', () => {
    expect(segmenter.segment("herfather'sbookandthechildren'stoys")).toBe("her father's book and the children's toys");
    expect(segmenter.segment('afewmoments\'recollection')).toBe("a few moments' recollection");
  });

  test('numbers are tokens: what belongs to them stays on, the letters around them are segmented', () => {
    expect(segmenter.segment('flat3bisonthe4thfloor')).toBe('flat 3b is on the 4th floor');
    expect(segmenter.segment('meetmeat6:45amonmonday')).toBe('meet me at 6:45am on monday');
    expect(segmenter.segment('Iowe$20tomyfriend')).toBe('I owe $20 to my friend');
    expect(segmenter.segment('Theygotmarriedinthe1980s.')).toBe('They got married in the 1980s.');
    expect(segmenter.segment('abeeris£3.50here,wegot75%ofit')).toBe('a beer is £3.50 here, we got 75% of it');
    expect(segmenter.segment('callmeon020-7946tomorrow')).toBe('call me on 020-7946 tomorrow');
    expect(segmenter.segment("it's25°Coutside")).toBe("it's 25°C outside");
    expect(segmenter.segment("We'remeetingon3/4at2pm")).toBe("We're meeting on 3/4 at 2pm");
    // Codes keep their letters and digits together: mp3, A4, hashes.
    expect(segmenter.segment('iboughtanmp3playerfor$50')).toBe('i bought an mp3 player for $50');
    const codes = ['a1b2c3d4', '3f9a0bc2e1', 'A4', '12A', '17:05', '1980s'];
    for (const code of codes) expect(segmenter.segment(code)).toBe(code);
  });

  test('apostrophe words stay whole and what follows them is segmented', () => {
    expect(segmenter.segment("he'sverytired,isn'the?")).toBe("he's very tired, isn't he?");
    expect(segmenter.segment("thisisatest.itworks!doesn'tit?")).toBe("this is a test. it works! doesn't it?");
    expect(segmenter.segment("Ididn'tsayanything")).toBe("I didn't say anything");
    expect(segmenter.segment("itwasn'tmyfault,wewon'tstop")).toBe("it wasn't my fault, we won't stop");
  });

  test('a capitalised run at a sentence start splits into words; a name after lower-case text stays whole', () => {
    expect(segmenter.segment('Iowe you')).toBe('I owe you');
    expect(segmenter.segment('IamfromGermany')).toBe('I am from Germany');
    expect(segmenter.segment('ImetZelenskyinKyiv')).toBe('I met Zelensky in Kyiv');
  });

  test('camel-case brand spellings stay whole while the number and the word glued after them split off', () => {
    // Right: the brand as spelt, the number and the model name each a word.
    expect(segmenter.segment('I bought thenewiPhone12Mini')).toBe('I bought the new iPhone 12 Mini');
    expect(segmenter.segment('I bought thenewiPhone12mini')).toBe('I bought the new iPhone 12 mini');
    expect(segmenter.segment('thenewiPhone12Miniisgreat')).toBe('the new iPhone 12 Mini is great');
    expect(segmenter.segment('iPhone12ProMax')).toBe('iPhone 12 Pro Max');
    expect(segmenter.segment('myiPadAir2')).toBe('my iPad Air 2');
    expect(segmenter.segment('buyoneBay')).toBe('buy on eBay');
    expect(segmenter.segment('theiPhones')).toBe('the iPhones');
    for (const typed of ['iPhone', 'iPhones', 'iPads and iMacs', 'eBay', 'I use macOS and PowerPoint daily', 'watch YouTube videos']) expect(segmenter.segment(typed)).toBe(typed);
    // Wrong: an inner capital that is no brand's spelling starts a word, and the pronoun glued on is a word.
    expect(segmenter.segment('asIam')).toBe('as I am');
    expect(segmenter.segment('"Yes," saidDarcy')).toBe('"Yes," said Darcy');
    expect(segmenter.segment('HelloWorld')).toBe('Hello World');
    // A unit or letter glued to a number keeps it (12A, 3pm, 5km), but letters that spell a word are no unit and a lone letter.
    expect(segmenter.segment('meetat12Anow')).toBe('meet at 12A now');
    expect(segmenter.segment('itwas3pmithink')).toBe('it was 3pm i think');
    expect(segmenter.segment('5kmaway')).toBe('5km away');
  });

  test('words the dictionaries spell with capitals inside stay whole in run-together text; other inner capitals start a word', () => {
    expect(segmenter.segment('IusePowerPointdaily')).toBe('I use PowerPoint daily');
    expect(segmenter.segment('WewatchYouTubeandNetflix')).toBe('We watch YouTube and Netflix');
    expect(segmenter.segment('paywithPayPal')).toBe('pay with PayPal');
    expect(segmenter.segment('myPowerPointslides')).toBe('my PowerPoint slides');
    // One the frequency list lacks is a word too, typed alone or glued, but only as spelled.
    expect(segmenter.segment('I use GitHub daily')).toBe('I use GitHub daily');
    expect(segmenter.segment('openGitHubandLinkedIn')).toBe('open GitHub and LinkedIn');
    expect(segmenter.segment('IusemacOSdaily')).toBe('I use macOS daily');
    expect(segmenter.segment('IlikeMySQLandPostgreSQL')).toBe('I like MySQL and PostgreSQL');
    // Typed in another case they are the words they are made of, and an unlisted pair of words splits.
    expect(segmenter.segment('ilikepowerpoint')).toBe('i like powerpoint');
    expect(segmenter.segment('thePowerStation')).toBe('the Power Station');
  });

  test('a change of script is a word boundary; other scripts are copied as they are', () => {
    expect(segmenter.segment('Москваisbig')).toBe('Москва is big');
    expect(segmenter.segment('helloмирworld')).toBe('hello мир world');
    expect(segmenter.segment('shesaid你好tome')).toBe('she said 你好 to me');
    expect(segmenter.segment('देवनागरीscript')).toBe('देवनागरी script');
    expect(segmenter.segment('Привет мир, こんにちは世界')).toBe('Привет мир, こんにちは世界');
  });

  test('emoji are boundaries; URLs, e-mails, hashtags, mentions and paths stay whole while the text around them is segmented', () => {
    expect(segmenter.segment('ilove🍕andpizza#hashtag...')).toBe('i love 🍕 and pizza #hashtag...');
    expect(segmenter.segment('I❤️NewYork')).toBe('I ❤️ New York');
    expect(segmenter.segment('lovethisplace#travel#summer')).toBe('love this place #travel #summer');
    expect(segmenter.segment('readthedocsathttps://docs.example.org/thequickbrownfox')).toBe('read the docs at https://docs.example.org/thequickbrownfox');
    expect(segmenter.segment('emailme:john@example.com,thanks')).toBe('email me: john@example.com, thanks');
    expect(segmenter.segment('followme@janedoe')).toBe('follow me @janedoe');
    expect(segmenter.segment('thefileisat/usr/local/bin')).toBe('the file is at /usr/local/bin');
    expect(segmenter.segment('Visitgoogle.comtoday')).toBe('Visit google.com today');
    const unchanged = ['thanks!😊', 'and/or', '24/7', '#throwbackthursday'];
    for (const input of unchanged) expect(segmenter.segment(input)).toBe(input);
  });

  test('the real-inputs set: at least 95 % exact', () => {
    const cases = readFileSync(new URL('../../../test/fixtures/real-inputs.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as { input: string; expected: string });
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const exact = cases.filter(({ input, expected }) => segmenter.segment(input) === expected).length;
    expect(exact / cases.length).toBeGreaterThanOrEqual(0.95);
  });

  test('property: only spaces are ever added', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const out = segmenter.segment(text);
        expect(withoutWhitespace(out)).toBe(withoutWhitespace(text));
        expect(out.length).toBeGreaterThanOrEqual(text.length);
      }),
    );
  });

  test('property: any Unicode input returns without error, whitespace kept', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const out = segmenter.segment(text);
        expect(out.replace(/ /gu, '')).toBe(text.replace(/ /gu, ''));
      }),
    );
  });

  test('property: run-together words come back with the same letters in order', () => {
    const word = fc.constantFrom('the', 'quick', 'brown', 'fox', 'said', 'Jane', 'house', 'letter', 'morning', 'walk', 'kind', 'sister');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.constantFrom('', ',', '.', '!'), (words, end) => {
        const input = words.join('') + end;
        expect(withoutWhitespace(segmenter.segment(input))).toBe(input);
      }),
    );
  });

  test('property: well-spaced English comes back unchanged', () => {
    const word = fc.constantFrom(
      'the', 'a', 'and', 'of', 'to', 'in', 'house', 'together', 'nowhere', 'therapist', 'atone', 'however', 'she', 'said',
      "don't", "father's", 'Elizabeth', 'London', 'nine', 'o\'clock', 'well-known', '3.14', '7:30pm', 'e.g.', 'U.S.',
    );
    const separator = fc.constantFrom(' ', ' ', ' ', ', ', '; ', ': ', '. ', '! ', '? ', ' — ', '\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 15 }), (pairs) => {
        const text = pairs.map(([w, sep]) => w + sep).join('').trim();
        expect(segmenter.segment(text)).toBe(text);
      }),
    );
  });
});
