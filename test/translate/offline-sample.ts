/**
 * Short texts (2–4 words, like chat messages) and medium sentences in every language the offline
 * engine translates, plus English, written for this project to measure detection among the
 * engine's languages (npm run bench:translate). Serbo-Croatian is one pair: `hr` is written in
 * Latin script, `sr` in Cyrillic, and either code counts as right for both.
 */
export interface OfflineSample {
  language: string;
  short: readonly string[];
  medium: readonly string[];
}

export const OFFLINE_SAMPLE: readonly OfflineSample[] = [
  {
    language: 'en',
    short: ['Hello my friend', 'Good morning', 'Thank you very much', 'How are you?', 'See you tomorrow', 'I like it', 'Where is it?', "I don't know", "I'm hungry", "Let's go home", "It's raining hard", 'Good night', "I'm so sorry", 'I need help', 'What a lovely day', "I'm running late", 'How much is this?', "I'm very tired", "It's very hot", 'Happy birthday'],
    medium: ['We spent the whole afternoon walking along the river, talking about the books we had read last winter.', 'The train was late again this morning, so I missed the first meeting of the day.'],
  },
  {
    language: 'es',
    short: ['Hola amigo', 'Buenos días', '¿Qué tal estás?', 'Muchas gracias', 'Hasta mañana', 'Me gusta mucho', '¿Dónde está?', 'No lo sé', 'Tengo hambre', 'Vamos a casa', 'Está lloviendo mucho', 'Feliz cumpleaños', 'Buenas noches', 'Lo siento mucho', 'Necesito ayuda', 'Qué bonito día', 'Llego tarde hoy', '¿Cuánto cuesta esto?', 'Estoy muy cansado', 'Hace mucho calor'],
    medium: ['Pasamos toda la tarde caminando junto al río, hablando de los libros que habíamos leído el invierno pasado.', 'El tren volvió a llegar tarde esta mañana, así que perdí la primera reunión del día.'],
  },
  {
    language: 'ca',
    short: ['Bon dia', 'Moltes gràcies', 'Com estàs?', 'Fins demà', "M'agrada molt", 'On és?', 'No ho sé', 'Tinc gana', 'Anem a casa', 'Està plovent molt', 'Per molts anys', 'Bona nit', 'Ho sento molt', 'Necessito ajuda', 'Quin dia més bonic', 'Arribo tard avui', 'Quant costa això?', 'Estic molt cansat', 'Fa molta calor', 'Bon profit'],
    medium: ['Vam passar tota la tarda caminant vora el riu, parlant dels llibres que havíem llegit l’hivern passat.', 'El tren va tornar a arribar tard aquest matí, així que vaig perdre la primera reunió del dia.'],
  },
  {
    language: 'gl',
    short: ['Bos días', 'Moitas grazas', 'Como estás?', 'Ata mañá', 'Gústame moito', 'Onde está?', 'Non o sei', 'Teño fame', 'Imos para casa', 'Está chovendo moito', 'Boas noites', 'Síntoo moito', 'Necesito axuda', 'Que día máis bonito', 'Chego tarde hoxe', 'Canto custa isto?', 'Estou moi canso', 'Fai moita calor', 'Benvidos a Galicia', 'Ola, que tal?'],
    medium: ['Pasamos toda a tarde camiñando á beira do río, falando dos libros que liramos o inverno pasado.', 'O tren volveu chegar tarde esta mañá, así que perdín a primeira reunión do día.'],
  },
  {
    language: 'pt',
    short: ['Olá amigo', 'Bom dia', 'Muito obrigado', 'Como você está?', 'Até amanhã', 'Gosto muito disso', 'Onde fica?', 'Não sei', 'Estou com fome', 'Vamos para casa', 'Está chovendo muito', 'Boa noite', 'Sinto muito', 'Preciso de ajuda', 'Que dia bonito', 'Chego atrasado hoje', 'Quanto custa isso?', 'Estou muito cansado', 'Faz muito calor', 'Parabéns pelo aniversário'],
    medium: ['Passámos a tarde inteira a caminhar junto ao rio, a falar dos livros que tínhamos lido no inverno passado.', 'O comboio voltou a chegar atrasado esta manhã, por isso perdi a primeira reunião do dia.'],
  },
  {
    language: 'fr',
    short: ['Bonjour mon ami', 'Merci beaucoup', 'Comment ça va ?', 'À demain', "J'aime beaucoup ça", 'Où est-il ?', 'Je ne sais pas', "J'ai faim", 'Rentrons à la maison', 'Il pleut beaucoup', 'Bonne nuit', 'Je suis désolé', "J'ai besoin d'aide", 'Quelle belle journée', 'Je suis en retard', 'Combien ça coûte ?', 'Je suis très fatigué', 'Il fait très chaud', 'Joyeux anniversaire', 'Bon appétit'],
    medium: ['Nous avons passé tout l’après-midi à marcher le long de la rivière en parlant des livres lus l’hiver dernier.', 'Le train est encore arrivé en retard ce matin, alors j’ai manqué la première réunion de la journée.'],
  },
  {
    language: 'it',
    short: ['Ciao amico', 'Buongiorno a tutti', 'Grazie mille', 'Come stai?', 'A domani', 'Mi piace molto', "Dov'è la stazione?", 'Non lo so', 'Ho fame', 'Andiamo a casa', 'Piove molto', 'Buona notte', 'Mi dispiace tanto', 'Ho bisogno di aiuto', 'Che bella giornata', 'Sono in ritardo', 'Quanto costa questo?', 'Sono molto stanco', 'Fa molto caldo', 'Buon compleanno'],
    medium: ['Abbiamo passato tutto il pomeriggio a camminare lungo il fiume, parlando dei libri che avevamo letto l’inverno scorso.', 'Il treno è arrivato di nuovo in ritardo stamattina, quindi ho perso la prima riunione della giornata.'],
  },
  {
    language: 'ro',
    short: ['Bună ziua', 'Mulțumesc frumos', 'Ce mai faci?', 'Pe mâine', 'Îmi place mult', 'Unde este gara?', 'Nu știu', 'Mi-e foame', 'Mergem acasă', 'Plouă foarte tare', 'Noapte bună', 'Îmi pare rău', 'Am nevoie de ajutor', 'Ce zi frumoasă', 'Am întârziat azi', 'Cât costă asta?', 'Sunt foarte obosit', 'E foarte cald', 'La mulți ani', 'Poftă bună'],
    medium: ['Am petrecut toată după-amiaza plimbându-ne de-a lungul râului și vorbind despre cărțile citite iarna trecută.', 'Trenul a întârziat din nou în această dimineață, așa că am pierdut prima ședință a zilei.'],
  },
  {
    language: 'oc',
    short: ['Bonjorn a totes', 'Mercés plan', 'Cossí va?', 'Fins deman', "M'agrada fòrça", 'Ont es la gara?', 'Sabi pas', 'Ai talent', "Anam a l'ostal", 'Plòu fòrça', 'Bona nuèch', 'O regreti fòrça', "Ai besonh d'ajuda", 'Quina polida jornada', 'Soi en retard', 'Quant còsta aquò?', 'Soi fòrça las', 'Fa fòrça calor', 'Bon aniversari', 'Bon apetís'],
    medium: ['Passèrem tota la tantossada a caminar al long del riu, en parlant dels libres que aviám legits l’ivèrn passat.', 'Lo tren es encara arribat en retard aqueste matin, alara ai mancat la primièra acampada del jorn.'],
  },
  {
    language: 'an',
    short: ['Bienplegaus a Aragón', 'Muitas grazias', '¿Cómo yes?', 'Dica mañana', 'Me fa goyo', '¿Án ye?', 'No en sé', 'Tiengo fambre', 'Imos ta casa', 'Plueve muito', 'Buena nueit', 'Lo siento muito', 'Ameneste aduya', 'Qué día más polito', 'Plego tarde hue', '¿Cuánto cuesta isto?', 'Soi muito cansau', 'Fa muita calor', 'Buen apetito', 'Bienvenius ta casa'],
    medium: ['Pasemos toda la tarde caminando chunto a lo río, charrando d’os libros que heban leyiu l’hibierno pasau.', 'O tren plegó tarde de nuevo iste maitino, asinas que perdié a primer reunión d’o día.'],
  },
  {
    language: 'eo',
    short: ['Saluton amiko', 'Bonan matenon', 'Dankon al vi', 'Kiel vi fartas?', 'Ĝis morgaŭ', 'Mi tre ŝatas', 'Kie ĝi estas?', 'Mi ne scias', 'Mi malsatas', 'Ni iru hejmen', 'Pluvas multe', 'Bonan nokton', 'Mi bedaŭras', 'Mi bezonas helpon', 'Kia bela tago', 'Mi malfruas hodiaŭ', 'Kiom ĝi kostas?', 'Mi estas laca', 'Estas tre varme', 'Feliĉan naskiĝtagon'],
    medium: ['Ni pasigis la tutan posttagmezon promenante laŭ la rivero kaj parolante pri la libroj, kiujn ni legis lastan vintron.', 'La trajno denove malfruis hodiaŭ matene, do mi maltrafis la unuan kunvenon de la tago.'],
  },
  {
    language: 'eu',
    short: ['Kaixo lagun', 'Egun on', 'Eskerrik asko', 'Zer moduz zaude?', 'Bihar arte', 'Asko gustatzen zait', 'Non dago?', 'Ez dakit', 'Gose naiz', 'Goazen etxera', 'Euri asko ari du', 'Gabon denoi', 'Sentitzen dut', 'Laguntza behar dut', 'Egun polita da', 'Berandu nator gaur', 'Zenbat balio du?', 'Oso nekatuta nago', 'Bero handia egiten du', 'Zorionak zuri'],
    medium: ['Arratsalde osoa ibaiaren ondoan paseatzen eman genuen, joan den neguan irakurritako liburuei buruz hitz eginez.', 'Trena berriro berandu iritsi zen gaur goizean, eta eguneko lehen bilera galdu nuen.'],
  },
  {
    language: 'is',
    short: ['Halló vinur', 'Góðan daginn', 'Takk fyrir', 'Hvað segirðu?', 'Sjáumst á morgun', 'Mér líkar það', 'Hvar er það?', 'Ég veit það ekki', 'Ég er svangur', 'Förum heim', 'Það rignir mikið', 'Góða nótt', 'Mér þykir það leitt', 'Ég þarf hjálp', 'Fallegur dagur', 'Ég er seinn', 'Hvað kostar þetta?', 'Ég er mjög þreyttur', 'Það er heitt', 'Til hamingju'],
    medium: ['Við eyddum öllum eftirmiðdeginum í að ganga meðfram ánni og tala um bækurnar sem við höfðum lesið síðasta vetur.', 'Lestin var aftur sein í morgun, svo ég missti af fyrsta fundi dagsins.'],
  },
  {
    language: 'hr',
    short: ['Bok prijatelju', 'Dobro jutro', 'Hvala lijepa', 'Kako si?', 'Vidimo se sutra', 'Jako mi se sviđa', 'Gdje je to?', 'Ne znam', 'Gladan sam', 'Idemo kući', 'Pada jaka kiša', 'Laku noć', 'Jako mi je žao', 'Trebam pomoć', 'Kakav lijep dan', 'Kasnim danas', 'Koliko to košta?', 'Jako sam umoran', 'Jako je vruće', 'Sretan rođendan'],
    medium: ['Cijelo smo poslijepodne šetali uz rijeku i razgovarali o knjigama koje smo pročitali prošle zime.', 'Vlak je jutros opet kasnio, pa sam propustio prvi sastanak dana.'],
  },
  {
    language: 'sr',
    short: ['Здраво пријатељу', 'Добро јутро', 'Хвала лепо', 'Како си?', 'Видимо се сутра', 'Много ми се свиђа', 'Где је то?', 'Не знам', 'Гладан сам', 'Идемо кући', 'Пада јака киша', 'Лаку ноћ', 'Много ми је жао', 'Треба ми помоћ', 'Какав леп дан', 'Касним данас', 'Колико то кошта?', 'Веома сам уморан', 'Веома је топло', 'Срећан рођендан'],
    medium: ['Цело поподне смо шетали поред реке и разговарали о књигама које смо прочитали прошле зиме.', 'Воз је јутрос опет каснио, па сам пропустио први састанак дана.'],
  },
  {
    language: 'mk',
    short: ['Здраво пријателу', 'Добро утро', 'Ви благодарам', 'Како се викаш?', 'Се гледаме утре', 'Многу ми се допаѓа', 'Каде е тоа?', 'Јас не знам', 'Гладен сум', 'Одиме дома', 'Врне силно', 'Добра ноќ', 'Многу ми е жал', 'Ми треба помош', 'Убав ден', 'Доцнам денес', 'Колку чини ова?', 'Многу сум уморен', 'Многу е топло', 'Среќен роденден'],
    medium: ['Целото попладне шетавме покрај реката и зборувавме за книгите што ги прочитавме минатата зима.', 'Возот повторно доцнеше утрово, па го пропуштив првиот состанок во денот.'],
  },
];

/** Serbo-Croatian is one pair: any of its codes is the right answer for the others. */
export const SAME_PAIR: Record<string, readonly string[]> = { hr: ['hr', 'sr', 'bs'], sr: ['sr', 'hr', 'bs'], bs: ['bs', 'hr', 'sr'] };
