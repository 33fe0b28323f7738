/**
 * A multilingual sample for language detection, written for this project: per language a short
 * sentence (a few words, like a chat message) and a medium one (a full sentence of 15+ words).
 * ISO 639-1 codes as eld reports them (sr is Serbian in Cyrillic script).
 */
export interface Sample {
  language: string;
  short: string;
  medium: string;
}

export const DETECTION_SAMPLE: readonly Sample[] = [
  { language: 'en', short: 'Where is the train station?', medium: 'We spent the whole afternoon walking along the river, talking about the books we had read last winter.' },
  { language: 'es', short: '¿Dónde está la estación de tren?', medium: 'Pasamos toda la tarde caminando junto al río, hablando de los libros que habíamos leído el invierno pasado.' },
  { language: 'fr', short: 'Où est la gare, s’il vous plaît ?', medium: 'Nous avons passé tout l’après-midi à marcher le long de la rivière en parlant des livres lus l’hiver dernier.' },
  { language: 'de', short: 'Wo ist der Bahnhof?', medium: 'Wir haben den ganzen Nachmittag am Fluss entlang verbracht und über die Bücher gesprochen, die wir im letzten Winter gelesen hatten.' },
  { language: 'it', short: 'Dov’è la stazione dei treni?', medium: 'Abbiamo passato tutto il pomeriggio a camminare lungo il fiume, parlando dei libri che avevamo letto l’inverno scorso.' },
  { language: 'pt', short: 'Onde fica a estação de comboios?', medium: 'Passámos a tarde inteira a caminhar junto ao rio, a falar dos livros que tínhamos lido no inverno passado.' },
  { language: 'nl', short: 'Waar is het treinstation?', medium: 'We hebben de hele middag langs de rivier gewandeld en gepraat over de boeken die we vorige winter hadden gelezen.' },
  { language: 'ca', short: 'On és l’estació de tren?', medium: 'Vam passar tota la tarda caminant vora el riu, parlant dels llibres que havíem llegit l’hivern passat.' },
  { language: 'eu', short: 'Non dago tren geltokia?', medium: 'Arratsalde osoa ibaiaren ondoan paseatzen eman genuen, joan den neguan irakurritako liburuei buruz hitz eginez.' },
  { language: 'is', short: 'Hvar er lestarstöðin?', medium: 'Við eyddum öllum eftirmiðdeginum í að ganga meðfram ánni og tala um bækurnar sem við höfðum lesið síðasta vetur.' },
  { language: 'hr', short: 'Gdje je željeznički kolodvor?', medium: 'Cijelo smo poslijepodne šetali uz rijeku i razgovarali o knjigama koje smo pročitali prošle zime.' },
  { language: 'sr', short: 'Где је железничка станица?', medium: 'Цело поподне смо шетали поред реке и разговарали о књигама које смо прочитали прошле зиме.' },
  { language: 'ru', short: 'Где находится вокзал?', medium: 'Мы провели весь день, гуляя вдоль реки и разговаривая о книгах, которые прочитали прошлой зимой.' },
  { language: 'pl', short: 'Gdzie jest dworzec kolejowy?', medium: 'Całe popołudnie spacerowaliśmy wzdłuż rzeki, rozmawiając o książkach, które przeczytaliśmy zeszłej zimy.' },
  { language: 'sv', short: 'Var ligger tågstationen?', medium: 'Vi tillbringade hela eftermiddagen med att promenera längs floden och prata om böckerna vi läste förra vintern.' },
  { language: 'tr', short: 'Tren istasyonu nerede?', medium: 'Bütün öğleden sonrayı nehir kenarında yürüyerek ve geçen kış okuduğumuz kitaplar hakkında konuşarak geçirdik.' },
];
