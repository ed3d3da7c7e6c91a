import { describe, expect, it } from 'vitest';
import { isLikelyEnglish } from '../../../../main/formats/article/read-article.ts';
import { prose } from './article-files.ts';

describe('isLikelyEnglish', () => {
  it('says yes to English prose', () => {
    expect(isLikelyEnglish(prose(3).join('\n\n'))).toBe(true);
  });

  it('says no to other languages, Latin script or not', () => {
    const texts = [
      'Der Hafenmeister führte ein sorgfältiges Logbuch über jedes Schiff, das in den langen Wintermonaten in die Bucht einlief. Die meisten Schiffe brachten Holz aus den nördlichen Wäldern.',
      'Le capitaine du port tenait un registre soigneux de chaque navire qui entrait dans la baie pendant les longs mois d’hiver. La plupart des navires transportaient du bois des forêts du nord.',
      'El capitán del puerto llevaba un registro cuidadoso de cada barco que entraba en la bahía durante los largos meses de invierno. La mayoría de los barcos traían madera de los bosques del norte.',
      '港の管理者は、長い冬の間に湾に入ったすべての船を注意深く記録していた。',
      'Начальник порта вёл тщательный журнал всех судов, входивших в бухту в долгие зимние месяцы.',
    ];
    for (const text of texts) expect(isLikelyEnglish(text)).toBe(false);
  });

  it('says no to text without words', () => {
    expect(isLikelyEnglish('')).toBe(false);
    expect(isLikelyEnglish('12 345 — 6.7')).toBe(false);
  });
});
